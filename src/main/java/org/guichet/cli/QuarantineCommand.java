package org.guichet.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.guichet.store.QuarantinedMail;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code guichet quarantine list|retry ID}: the mails that could not be handled. */
@Command(name = "quarantine", mixinStandardHelpOptions = true,
        description = {"Mails that could not be handled, kept with their reason and their bytes.",
            "Without a subcommand: list them."})
final class QuarantineCommand implements Callable<Integer> {
    private static final List<String> COLUMNS = List.of("id", "quarantined", "size", "attempts", "mail", "reason");

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return list();
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the quarantined mails.")
    int list() {
        List<QuarantinedMail> mails;
        try (Backend backend = root.openMigrated()) {
            mails = backend.quarantined();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (mails.isEmpty()) {
            out.println("No mail in quarantine.");
        } else {
            Table.print(out, COLUMNS, mails.stream().map(QuarantineCommand::row).toList());
        }
        out.flush();
        return 0;
    }

    @Command(name = "retry", mixinStandardHelpOptions = true,
            description = {"Handle a quarantined mail again, from the bytes kept when it arrived.",
                "Handled, it leaves the quarantine (its copy in the quarantine folder goes to the processed one);",
                "otherwise it stays there with the new reason."})
    int retry(@Parameters(paramLabel = "ID", description = "The ID shown by `guichet quarantine list`.") long id) {
        RetryOutcome outcome;
        try (Backend backend = root.openMigrated()) {
            outcome = backend.retryQuarantined(id);
        }
        PrintWriter stream = outcome.handled() ? spec.commandLine().getOut() : spec.commandLine().getErr();
        stream.println(outcome.handled() ? outcome.detail() : "guichet: " + outcome.detail());
        stream.flush();
        return outcome.handled() ? 0 : 1;
    }

    private static Map<String, Object> row(QuarantinedMail m) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", m.id());
        row.put("quarantined", m.quarantinedAt().orElse(m.receivedAt()).toString());
        row.put("size", m.size());
        row.put("attempts", m.attempts());
        row.put("mail", m.key());
        row.put("reason", m.reason());
        return row;
    }
}
