package org.guichet.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.guichet.importer.Damage;
import org.guichet.importer.ImportReport;
import org.guichet.importer.Outcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code guichet import PATH}: brings a backlog in, each mail handled as if it had just arrived by IMAP. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import .eml files, a folder of them (searched recursively, with any .mbox files in it) or an"
            + " mbox file. Each mail is handled exactly as one fetched over IMAP: a mail already handled (same"
            + " Message-ID, or same bytes) is skipped, so importing twice changes nothing.",
            "Acknowledgements are not sent for imported mail unless --acknowledge is given; every other"
                + " notification goes to the outbox as usual. A damaged mbox is read as far as possible and"
                + " the damage listed."})
final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", description = "An .eml file, an mbox file, or a folder.")
    Path path;

    @Option(names = "--acknowledge", description = "Send each new ticket's requester the usual acknowledgement.")
    boolean acknowledge;

    @Option(names = "--format", paramLabel = "F", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        if (format != Format.text && format != Format.json) {
            throw new ParameterException(spec.commandLine(), "--format must be text or json");
        }
        ImportReport report;
        try (Backend backend = root.openMigrated(); ImportProgress progress = ImportProgress.onTerminal()) {
            report = backend.importer(acknowledge).run(path, progress);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(Json.write(json(report)));
        } else {
            text(out, report);
        }
        out.flush();
        return 0;
    }

    private static void text(PrintWriter out, ImportReport r) {
        out.printf("%d mail(s) read: %d new ticket(s), %d follow-up(s), %d duplicate(s) skipped, %d automatic"
                + " without ticket, %d quarantined, %d failed (import again to retry them)%n", r.read(),
                r.count(Outcome.NEW_TICKET), r.count(Outcome.FOLLOW_UP), r.count(Outcome.DUPLICATE),
                r.count(Outcome.NO_TICKET), r.count(Outcome.QUARANTINED), r.count(Outcome.FAILED));
        if (r.damage().isEmpty()) {
            out.println("No damage found.");
            return;
        }
        out.printf("%d damage(s) found:%n", r.damage().size());
        for (Damage d : r.damage()) {
            out.printf("  %s%n", d);
        }
    }

    private static Map<String, Object> json(ImportReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("read", r.read());
        m.put("newTickets", r.count(Outcome.NEW_TICKET));
        m.put("followUps", r.count(Outcome.FOLLOW_UP));
        m.put("duplicates", r.count(Outcome.DUPLICATE));
        m.put("automatic", r.count(Outcome.NO_TICKET));
        m.put("quarantined", r.count(Outcome.QUARANTINED));
        m.put("failed", r.count(Outcome.FAILED));
        m.put("damage", r.damage().stream().map(d -> Map.of("file", d.file().toString(), "line", d.line(),
                "what", d.what())).toList());
        return m;
    }
}
