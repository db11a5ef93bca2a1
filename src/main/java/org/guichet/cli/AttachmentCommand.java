package org.guichet.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.guichet.ops.AttachmentExport;
import org.guichet.ticket.TicketDetail;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code guichet attachment N [NAME] --out DIR}: a ticket's attachments saved as files. */
@Command(name = "attachment", mixinStandardHelpOptions = true,
        description = {"Save the attachments of ticket N (or only those named NAME, as `show` prints them) into DIR."
            + " Names are made safe (no path, no control character); a file already there is never replaced:"
            + " \"report (2).pdf\" is written beside it."})
final class AttachmentCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "N", description = "The ticket number.")
    long number;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME", description = "Only the attachments of this name.")
    String name;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The folder to save into (created).")
    Path out;

    @Override
    public Integer call() {
        PrintWriter writer = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<AttachmentExport.Saved> saved;
        try (Backend backend = root.openMigrated()) {
            Optional<TicketDetail> detail = backend.tickets().inTransaction(tx -> tx.detail(number));
            if (detail.isEmpty()) {
                err.printf("guichet: no ticket #%d: `guichet tickets` lists them%n", number);
                return 1;
            }
            saved = backend.attachmentExport().save(detail.get(), Optional.ofNullable(name), out);
        }
        if (saved.isEmpty()) {
            err.printf("guichet: ticket #%d has no attachment%s%n", number, name == null ? "" : " named " + name);
            return 1;
        }
        for (AttachmentExport.Saved s : saved) {
            if (s.file().isPresent()) {
                writer.printf("saved %s%n", s.file().get());
            } else {
                writer.printf("skipped %s: %s%n", Table.cell(s.name()), s.problem());
            }
        }
        writer.flush();
        return saved.stream().allMatch(s -> s.file().isPresent()) ? 0 : 1;
    }
}
