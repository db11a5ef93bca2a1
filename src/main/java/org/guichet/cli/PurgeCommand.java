package org.guichet.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.guichet.ops.Retention;
import org.guichet.store.Purge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code guichet purge --closed-before DATE [--dry-run]}: personal data is not kept for ever. */
@Command(name = "purge", mixinStandardHelpOptions = true,
        description = {"Delete for good the tickets closed or cancelled before DATE, with their messages, events,"
            + " notifications and the stored files no other ticket uses. What was purged is counted in the purge log"
            + " (guichet purge --history). tickets.retention-days makes the daemon do it every day."})
final class PurgeCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--closed-before", paramLabel = "DATE",
            description = "Tickets closed before this day (2024-09-01, UTC) or instant (2024-09-01T08:00:00Z).")
    String closedBefore;

    @Option(names = "--dry-run", description = "Say what would be deleted; delete nothing.")
    boolean dryRun;

    @Option(names = "--history", description = "Print the purge log: every purge, newest first.")
    boolean history;

    @Option(names = "--as", paramLabel = "NAME", defaultValue = "${sys:user.name}",
            description = "Who purges, for the purge log (default: your user name).")
    String actor;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (history) {
            try (Backend backend = root.openMigrated()) {
                backend.retention().history().forEach(out::println);
            }
            out.flush();
            return 0;
        }
        if (closedBefore == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--closed-before DATE is required (or --history)");
        }
        var cutoff = Dates.from(closedBefore, "--closed-before", spec).orElseThrow();
        Retention.Report report;
        try (Backend backend = root.openMigrated()) {
            report = backend.retention().purge(cutoff, "cli:" + actor, dryRun);
        }
        Purge.Counts c = report.counts();
        out.printf("%s %d ticket(s) closed before %s%s: %d message(s), %d attachment(s), %d event(s); %d stored"
                + " file(s), %d bytes.%n", dryRun ? "Would delete" : "Deleted", c.tickets(), cutoff,
                c.firstTicket().map(f -> " (#" + f + " to #" + c.lastTicket().orElseThrow() + ")").orElse(""),
                c.messages(), c.attachments(), c.events(), report.filesDeleted(), report.bytesFreed());
        if (dryRun) {
            out.println("Nothing was deleted (--dry-run).");
        }
        out.flush();
        return 0;
    }
}
