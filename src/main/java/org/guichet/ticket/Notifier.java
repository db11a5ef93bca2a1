package org.guichet.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Queues the notifications of one event, in the transaction of the change that caused it, to the event's
 * audience; a recipient already sent the cap of mails about this ticket in the last ten minutes is skipped,
 * and the skip is written in the ticket's event log (SPEC section 7).
 */
public final class Notifier {
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final String SYSTEM = "guichet";
    private final Audience audience;
    private final Notices notices;
    private final int capPerWindow;
    private final Set<Event> silenced;

    public Notifier(Audience audience, Notices notices, int capPerWindow) {
        this(audience, notices, capPerWindow, Set.of());
    }

    private Notifier(Audience audience, Notices notices, int capPerWindow, Set<Event> silenced) {
        this.audience = audience;
        this.notices = notices;
        this.capPerWindow = capPerWindow;
        this.silenced = Set.copyOf(silenced);
    }

    /**
     * The same notifier, except that these events send nothing: an imported backlog does not acknowledge mail
     * that people sent long ago. Each one left unsent is written in the ticket's event log.
     */
    public Notifier silencing(Set<Event> events) {
        return new Notifier(audience, notices, capPerWindow, events);
    }

    public Notices notices() {
        return notices;
    }

    /** Tells the event's audience about it; returns the recipients actually queued. */
    public List<String> tell(TicketTx tx, Event event, Ticket ticket, String actor, Optional<String> subject,
            Notices.Content content, Instant now) {
        if (silenced.contains(event)) {
            tx.insertEvent(ticket.id(), TicketEvent.of(now, SYSTEM, "notification-suppressed",
                    event.template() + " not sent: the mail was imported from a backlog"));
            return List.of();
        }
        List<String> thread = tx.threadMessageIds(ticket.id());
        List<String> recipients = audience.of(event, ticket, actor, subject);
        List<String> sent = new ArrayList<>();
        for (String recipient : recipients) {
            if (tx.isUndeliverable(ticket.id(), recipient)) {
                tx.insertEvent(ticket.id(), TicketEvent.of(now, SYSTEM, "notification-skipped", event.template()
                        + " not sent to " + recipient + ": earlier mail to this address bounced"));
                continue;
            }
            if (tx.recentNotifications(ticket.id(), recipient, now.minus(WINDOW)) >= capPerWindow) {
                tx.insertEvent(ticket.id(), TicketEvent.of(now, SYSTEM, "notification-capped", event.template()
                        + " not sent to " + recipient + ": " + capPerWindow + " mails in 10 minutes already"));
                continue;
            }
            OutgoingMail mail = notices.about(event, ticket, recipient, thread, content);
            tx.queue(mail, now);
            tx.insertEvent(ticket.id(), TicketEvent.of(now, SYSTEM, "notification",
                    event.template() + " queued for " + recipient));
            sent.add(recipient);
        }
        return sent;
    }

    /** A mail about no one ticket, to one person: the list of their tickets, a refusal. */
    public void tellOne(TicketTx tx, OutgoingMail mail, Instant now) {
        tx.queue(mail, now);
    }
}
