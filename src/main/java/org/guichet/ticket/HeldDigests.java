package org.guichet.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scheduled job that sends what {@link Notifier} held past a recipient's hourly ceiling: when the hour's
 * window opens (fewer than the ceiling sent to that recipient in the last hour), the held notifications of one
 * recipient go out as one digest (threaded on its ticket when they are all about one). Held notifications are
 * rows of the outbox, so a restart loses none.
 */
public final class HeldDigests {
    private static final Duration HOUR = Duration.ofHours(1);
    private static final String SYSTEM = "guichet";
    private final TicketStore store;
    private final Notices notices;
    private final int ceilingPerHour;
    private final Clock clock;

    public HeldDigests(TicketStore store, Notices notices, int ceilingPerHour, Clock clock) {
        this.store = store;
        this.notices = notices;
        this.ceilingPerHour = ceilingPerHour;
        this.clock = clock;
    }

    /** Sends the digests that are due; returns how many were queued. */
    public int run() {
        Instant now = clock.instant();
        return store.inTransaction(tx -> {
            Map<String, List<HeldMail>> groups = new LinkedHashMap<>();
            for (HeldMail held : tx.held()) {
                groups.computeIfAbsent(held.mail().recipient(), k -> new ArrayList<>()).add(held);
            }
            int queued = 0;
            for (List<HeldMail> group : groups.values()) {
                String recipient = group.get(0).mail().recipient();
                if (tx.notificationsTo(recipient, now.minus(HOUR), ceilingPerHour) >= ceilingPerHour) {
                    continue;
                }
                OutgoingMail digest = notices.heldDigest(group.stream().map(HeldMail::mail).toList(), ceilingPerHour);
                tx.queue(digest, now);
                group.forEach(h -> tx.markDigested(h.id()));
                Map<Long, Integer> perTicket = new LinkedHashMap<>();
                group.forEach(h -> h.mail().ticket().ifPresent(t -> perTicket.merge(t, 1, Integer::sum)));
                perTicket.forEach((t, n) -> tx.insertEvent(t, TicketEvent.of(now, SYSTEM, "notification-digest",
                        n + " held notification(s) queued for " + recipient + " in one digest of " + group.size())));
                queued++;
            }
            return queued;
        });
    }
}
