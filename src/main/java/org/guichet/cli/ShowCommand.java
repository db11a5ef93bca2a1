package org.guichet.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.guichet.parse.Attachment;
import org.guichet.sla.Dues;
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

    @Option(names = "--raw", paramLabel = "M", description = {"Print the original mail of message M (1 for the first"
        + " message shown) exactly as it was received, to save it as .eml or hand it to a mail client."})
    Integer raw;

    @Override
    public Integer call() throws IOException {
        Optional<TicketDetail> detail;
        Optional<Dues> dues;
        try (Backend backend = root.openMigrated()) {
            detail = backend.tickets().inTransaction(tx -> tx.detail(number));
            if (detail.isPresent() && raw != null) {
                return printRaw(backend, detail.get());
            }
            dues = detail.flatMap(backend.serviceLevels()::of);
        }
        if (detail.isEmpty()) {
            spec.commandLine().getErr().printf("guichet: no ticket #%d: `guichet tickets` lists them%n", number);
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case json -> out.println(Json.write(withDues(TicketViews.detail(detail.get()), dues)));
            case text -> text(out, detail.get(), dues);
            default -> throw new ParameterException(spec.commandLine(), "--format must be text or json");
        }
        out.flush();
        return 0;
    }

    /**
     * The bytes go to standard output untouched, not through the command's writer: a mail is not text in any one
     * charset, and re-encoding it would change what a signature or a checksum sees.
     */
    private int printRaw(Backend backend, TicketDetail d) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (raw < 1 || raw > d.messages().size()) {
            err.printf("guichet: ticket #%d has %d message(s); --raw takes 1 to %d%n", number, d.messages().size(),
                    d.messages().size());
            return 1;
        }
        TicketMessage message = d.messages().get(raw - 1);
        Optional<Path> file = backend.tickets().inTransaction(tx -> tx.originalMail(number, message.id()))
                .flatMap(sha -> backend.rawMailStore().find(sha));
        if (file.isEmpty()) {
            err.printf("guichet: message %d of ticket #%d has no original mail: %s%n", raw, number,
                    message.direction() == TicketMessage.Direction.OUT ? "Guichet wrote it"
                            : "it was not kept (see storage.messages-dir)");
            return 1;
        }
        spec.commandLine().getOut().flush();
        OutputStream bytes = System.out;
        Files.copy(file.get(), bytes);
        bytes.flush();
        return 0;
    }

    private static Map<String, Object> withDues(Map<String, Object> m, Optional<Dues> dues) {
        m.put("serviceLevels", SlaViews.json(dues));
        return m;
    }

    private static void text(PrintWriter out, TicketDetail d, Optional<Dues> dues) {
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
        SlaViews.text(out, dues);
        out.printf("%nMessages (%d)%n", d.messages().size());
        for (int i = 0; i < d.messages().size(); i++) {
            message(out, i + 1, d.messages().get(i));
        }
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

    private static void message(PrintWriter out, int n, TicketMessage m) {
        out.printf("%n--- %d. %s %s %s%s%n", n, TicketViews.iso(m.date()), m.direction() == TicketMessage.Direction.IN
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
