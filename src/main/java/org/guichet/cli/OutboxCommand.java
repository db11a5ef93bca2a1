package org.guichet.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.guichet.store.OutboxEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code guichet outbox [--retry]}: the notifications not sent yet, and a way to send them now. */
@Command(name = "outbox", mixinStandardHelpOptions = true,
        description = {"List the notifications waiting to be sent or failed for good.",
            "With --retry, put the failed ones back in the queue and try to send everything now."})
final class OutboxCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--retry", description = "Queue the failed notifications again and send what is waiting now.")
    boolean retry;

    @Option(names = "--format", paramLabel = "F", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<OutboxEntry> unsent;
        try (Backend backend = root.openMigrated()) {
            if (retry) {
                int queued = backend.outbox().retryNow(backend.clock().instant());
                int sent = backend.deliverOutbox();
                out.printf("%d notification(s) queued again, %d sent%n", queued, sent);
            }
            unsent = backend.outbox().unsent();
        }
        List<Map<String, Object>> rows = unsent.stream().map(OutboxCommand::row).toList();
        switch (format) {
            case json -> out.println(Json.write(rows));
            case table -> {
                if (rows.isEmpty()) {
                    out.println("The outbox is empty: every notification was sent.");
                } else {
                    Table.print(out, List.of("id", "status", "attempts", "ticket", "event", "recipient", "next", "error"), rows);
                }
            }
            default -> throw new ParameterException(spec.commandLine(), "--format must be table or json");
        }
        out.flush();
        return 0;
    }

    private static Map<String, Object> row(OutboxEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("status", e.status());
        m.put("attempts", e.attempts());
        m.put("ticket", e.mail().ticket().orElse(null));
        m.put("event", e.mail().event());
        m.put("recipient", e.mail().recipient());
        m.put("next", "pending".equals(e.status()) ? TicketViews.iso(e.nextAttempt()) : "");
        m.put("error", e.lastError().orElse(""));
        return m;
    }
}
