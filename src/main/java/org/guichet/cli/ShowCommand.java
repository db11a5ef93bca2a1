package org.guichet.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.guichet.parse.Attachment;
import org.guichet.ticket.Ticket;
import org.guichet.ticket.TicketDetail;
import org.guichet.ticket.TicketEvent;
import org.guichet.ticket.TicketMessage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code guichet show N}: one ticket with its messages, attachments and event log. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show one ticket: its fields, messages, attachments and event log.")
final class ShowCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "N", description = "The ticket number.")
    long number;

    @Option(names = "--format", paramLabel = "F", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        Optional<TicketDetail> detail;
        try (Backend backend = root.openMigrated()) {
            detail = backend.tickets().inTransaction(tx -> tx.detail(number));
        }
        if (detail.isEmpty()) {
            spec.commandLine().getErr().printf("guichet: no ticket #%d: `guichet tickets` lists them%n", number);
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case json -> out.println(Json.write(TicketViews.detail(detail.get())));
            case text -> text(out, detail.get());
            default -> throw new ParameterException(spec.commandLine(), "--format must be text or json");
        }
        out.flush();
        return 0;
    }

    private static void text(PrintWriter out, TicketDetail d) {
        Ticket t = d.summary().ticket();
        out.printf("Ticket #%d: %s%n", t.id(), line(t.subject()));
        out.printf("  Status %s, priority %s, category %s, service %s%n", t.status().code(), t.priority().code(),
                line(t.subcategory().map(s -> t.category() + "/" + s).orElse(t.category())), line(t.service()));
        out.printf("  Requester %s%s, assignee %s, observers %s%n", line(t.requester().address()),
                t.requester().name().isBlank() ? "" : " (" + line(t.requester().name()) + ")",
                line(t.assignee().orElse("none")),
                t.observers().isEmpty() ? "none" : line(String.join(", ", t.observers())));
        out.printf("  Created %s, updated %s%s%n", TicketViews.iso(t.created()), TicketViews.iso(t.updated()),
                t.linkedTicket().map(l -> ", names ticket #" + l).orElse(""));
        out.printf("  First response %s, resolved %s, closed %s%n", when(t.firstResponse()), when(t.resolved()),
                when(t.closed()));
        List<TicketEvent> notifications = d.events().stream().filter(TicketViews::aboutNotification).toList();
        out.printf("%nNotifications (%d)%n", notifications.size());
        notifications.forEach(e -> out.printf("  %s  %-21s %s%n", TicketViews.iso(e.at()), line(e.type()),
                line(e.detail())));
        out.printf("%nMessages (%d)%n", d.messages().size());
        d.messages().forEach(m -> message(out, m));
        out.printf("%nEvents (%d)%n", d.events().size());
        d.events().forEach(e -> event(out, e));
    }

    private static String when(Optional<Instant> at) {
        return at.map(TicketViews::iso).orElse("-");
    }

    /** Every value from a mail goes through {@link Terminal}: none may drive the terminal. */
    private static String line(String value) {
        return Terminal.line(value);
    }

    private static void message(PrintWriter out, TicketMessage m) {
        out.printf("%n--- %s %s %s%s%n", TicketViews.iso(m.date()), m.direction() == TicketMessage.Direction.IN
                ? "from" : "to", line(m.from().address()), m.internal() ? " (internal)" : "");
        out.println(Terminal.text(m.text().strip()));
        for (Attachment a : m.attachments()) {
            out.printf("  [attachment] %s (%s, %d bytes, sha256 %s)%n", line(a.name()), line(a.contentType()),
                    a.size(), line(a.sha256()));
        }
    }

    private static void event(PrintWriter out, TicketEvent e) {
        String change = e.from().isPresent() || e.to().isPresent()
                ? "  " + e.from().map(f -> line(f) + " → ").orElse("→ ") + line(e.to().orElse("")) : "";
        out.printf("  %s  %-12s %s%s%s%n", TicketViews.iso(e.at()), line(e.type()), line(e.actor()), change,
                e.detail().isEmpty() ? "" : "  (" + line(e.detail()) + ")");
    }
}
