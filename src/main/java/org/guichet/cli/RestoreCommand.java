package org.guichet.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.guichet.ops.Backups;
import org.guichet.ticket.TicketFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code guichet restore FILE.tar.gz}: a backup back into an empty data folder. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restore a backup of `guichet backup` into the data folder the config names (database,"
            + " attachments-dir, messages-dir). Refuses a folder that holds data already: stop the daemon and move"
            + " the old data away first."})
final class RestoreCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.tar.gz", description = "The archive written by guichet backup.")
    Path file;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            spec.commandLine().getErr().printf("guichet: no backup file %s%n", file);
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        // before anything opens the database: opening it would create an empty one where the backup goes
        Backups.Report report = root.restore().from(file);
        try (Backend backend = root.openMigrated()) {
            int tickets = backend.tickets().inTransaction(tx -> tx.list(TicketFilter.all())).size();
            out.printf("Restored %s: %s, %d attachment file(s), %d raw mail(s); %d ticket(s).%n", file,
                    report.withDatabase() ? "the database" : "no database", report.attachments(), report.rawMails(),
                    tickets);
            report.advice().ifPresent(a -> out.printf("Note: %s.%n", a));
        }
        out.flush();
        return 0;
    }
}
