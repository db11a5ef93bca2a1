package org.guichet.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.guichet.ops.Backups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code guichet backup FILE.tar.gz}: the database and the stored files, while the daemon runs. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Write a consistent copy of the database (H2's online backup) and of the stored attachments"
            + " and raw mails to FILE.tar.gz, while the daemon runs. With PostgreSQL, the archive holds the files"
            + " and the command says how to dump the database with pg_dump."})
final class BackupCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.tar.gz", description = "The archive to write; it must not exist.")
    Path file;

    @Override
    public Integer call() {
        Backups.Report report;
        try (Backend backend = root.openMigrated()) {
            report = backend.backups().backup(file);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Backup written to %s (%d bytes): %s, %d attachment file(s), %d raw mail(s).%n", file,
                report.bytes(), report.withDatabase() ? "the database" : "no database", report.attachments(),
                report.rawMails());
        report.advice().ifPresent(a -> out.printf("Note: %s.%n", a));
        out.printf("Restore it with: guichet restore %s (into an empty data folder).%n", file);
        out.flush();
        return 0;
    }
}
