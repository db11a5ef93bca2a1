package org.guichet.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guichet.parse.InboundMail;
import org.guichet.route.Decision;
import org.guichet.route.DeliveryReport;

/**
 * What keeps loops out (SPEC section 7): automatic mail kept as a note on its ticket, a bounce about our
 * notification linked to its ticket and its failed recipient marked, and the hourly cap of new tickets per
 * sender, who is told once.
 */
final class Robots {
    private static final String SYSTEM = "guichet";
    private static final Duration HOUR = Duration.ofHours(1);
    private final Notifier notifier;
    private final int ticketsPerHour;

    Robots(Notifier notifier, int ticketsPerHour) {
        this.notifier = notifier;
        this.ticketsPerHour = ticketsPerHour;
    }

    /** The ticket a bounce is about: the one that sent the mail it returns. */
    Optional<Long> ticketOfReport(TicketTx tx, Decision decision) {
        return decision.deliveryReport().flatMap(DeliveryReport::originalMessageId)
                .flatMap(id -> tx.ticketByMessageIds(List.of(id)));
    }

    /**
     * Marks the recipients a report says failed for good, when the report proves it is about a notification sent to
     * that address on this ticket (its Message-ID in the outbox for that recipient, or that recipient's reply
     * token); any other claim, such as a free-standing X-Failed-Recipients, is only written in the log. A delay
     * (4.x.x) is only written in the log.
     */
    void recordReport(TicketTx tx, long ticket, Decision decision, Instant now) {
        Optional<String> returned = decision.deliveryReport().flatMap(DeliveryReport::originalMessageId);
        for (DeliveryReport.FailedRecipient failed : decision.deliveryReport().map(DeliveryReport::failed)
                .orElse(List.of())) {
            String status = failed.status().orElse("unknown");
            if (!verified(tx, ticket, returned, failed)) {
                tx.insertEvent(ticket, TicketEvent.of(now, SYSTEM, "delivery-unverified", "a delivery report names "
                        + failed.address() + " (" + status + ") but no notification of this ticket sent to that address:"
                        + " not marked"));
            } else if (failed.permanent()) {
                tx.markUndeliverable(ticket, failed.address(), status, now);
                tx.insertEvent(ticket, TicketEvent.change(now, SYSTEM, "undeliverable", null, failed.address(),
                        "delivery failed for good (" + status + "): no more mail to this address about the ticket"));
            } else {
                tx.insertEvent(ticket, TicketEvent.of(now, SYSTEM, "delivery-delayed",
                        "delivery to " + failed.address() + " delayed (" + status + ")"));
            }
        }
    }

    private static boolean verified(TicketTx tx, long ticket, Optional<String> returned,
            DeliveryReport.FailedRecipient failed) {
        boolean byToken = failed.tokenTicket().filter(t -> t == ticket).isPresent();
        return byToken || returned.flatMap(id -> tx.ticketOfNotification(id, failed.address()))
                .filter(t -> t == ticket).isPresent();
    }

    /** Why this sender may not open another ticket now, after telling them once; nothing when they may. */
    Optional<String> overTheCap(TicketTx tx, InboundMail mail, String sender, Instant now) {
        if (tx.ticketsOpenedSince(sender, now.minus(HOUR)) < ticketsPerHour) {
            return Optional.empty();
        }
        String reason = sender + " opened " + ticketsPerHour + " tickets in the last hour, the most allowed";
        boolean toldAlready = tx.lastSenderWarning(sender).filter(at -> at.isAfter(now.minus(HOUR))).isPresent();
        if (!toldAlready) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("limit", ticketsPerHour);
            model.put("subject", mail.subject());
            notifier.tellOne(tx, notifier.notices().standalone(Event.TOO_MANY_TICKETS, sender, "Re: " + mail.subject(),
                    mail.messageId(), model), now);
            tx.recordSenderWarning(sender, now);
        }
        return Optional.of(reason + (toldAlready ? " (already told)" : " (told by mail)"));
    }
}
