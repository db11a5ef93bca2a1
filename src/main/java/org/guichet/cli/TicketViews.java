package org.guichet.cli;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.guichet.parse.Attachment;
import org.guichet.ticket.Ticket;
import org.guichet.ticket.TicketDetail;
import org.guichet.ticket.TicketEvent;
import org.guichet.ticket.TicketMessage;
import org.guichet.ticket.TicketSummary;

/** Tickets as the JSON of SPEC section 9 shows them: plain maps, in the documented key order. */
final class TicketViews {
    private TicketViews() {
    }

    static Map<String, Object> summary(TicketSummary s) {
        return summary(s, Map.of());
    }

    /**
     * A people object of SPEC section 9: {@code address} and {@code name} (empty when the helpdesk does not know
     * it); {@code names} are the display names read on the ticket's messages, by lower-case address.
     */
    static Map<String, Object> person(String address, Map<String, String> names) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", address);
        m.put("name", names.getOrDefault(address.toLowerCase(Locale.ROOT), ""));
        return m;
    }

    private static Map<String, Object> summary(TicketSummary s, Map<String, String> known) {
        Ticket t = s.ticket();
        Map<String, String> names = new HashMap<>(known);
        names.put(t.requester().address().toLowerCase(Locale.ROOT), t.requester().name());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("subject", t.subject());
        m.put("status", t.status().code());
        m.put("priority", t.priority().code());
        m.put("category", t.category());
        m.put("subcategory", t.subcategory().orElse(null));
        m.put("service", t.service());
        m.put("requester", person(t.requester().address(), names));
        m.put("assignee", t.assignee().map(a -> person(a, names)).orElse(null));
        m.put("observers", t.observers().stream().map(o -> person(o, names)).toList());
        m.put("created", iso(t.created()));
        m.put("updated", iso(t.updated()));
        m.put("messages", s.messages());
        m.put("attachments", s.attachments());
        return m;
    }

    static Map<String, Object> detail(TicketDetail d) {
        Map<String, String> names = new HashMap<>();
        d.messages().forEach(msg -> {
            if (!msg.from().name().isBlank()) {
                names.put(msg.from().address().toLowerCase(Locale.ROOT), msg.from().name());
            }
        });
        Map<String, Object> m = summary(d.summary(), names);
        m.put("messages", d.messages().stream().map(TicketViews::message).toList());
        m.put("events", d.events().stream().map(TicketViews::event).toList());
        Ticket t = d.summary().ticket();
        m.put("firstResponse", t.firstResponse().map(TicketViews::iso).orElse(null));
        m.put("resolved", t.resolved().map(TicketViews::iso).orElse(null));
        m.put("closed", t.closed().map(TicketViews::iso).orElse(null));
        m.put("notifications", d.events().stream().filter(TicketViews::aboutNotification).map(TicketViews::event)
                .toList());
        return m;
    }

    private static Map<String, Object> message(TicketMessage msg) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("direction", msg.direction().code());
        m.put("from", person(msg.from().address(), Map.of(msg.from().address().toLowerCase(Locale.ROOT),
                msg.from().name())));
        m.put("date", iso(msg.date()));
        m.put("text", msg.text());
        m.put("internal", msg.internal());
        m.put("attachments", msg.attachments().stream().map(TicketViews::attachment).toList());
        return m;
    }

    static Map<String, Object> attachment(Attachment a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.name());
        m.put("contentType", a.contentType());
        m.put("size", a.size());
        m.put("sha256", a.sha256());
        return m;
    }

    /** The events that tell what became of a notification: queued, held, digested, capped, skipped, delivered. */
    static boolean aboutNotification(TicketEvent e) {
        return e.type().startsWith("notification") || e.type().equals("delivery");
    }

    private static Map<String, Object> event(TicketEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", iso(e.at()));
        m.put("actor", e.actor());
        m.put("type", e.type());
        m.put("from", e.from().orElse(null));
        m.put("to", e.to().orElse(null));
        m.put("detail", e.detail());
        return m;
    }

    /** ISO-8601 in UTC, to the second. */
    static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static List<String> columns() {
        return List.of("id", "priority", "status", "category", "service", "requester", "assignee", "updated", "subject");
    }
}
