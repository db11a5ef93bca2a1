package org.guichet.store;

import java.time.Instant;
import java.util.Optional;
import org.guichet.ticket.OutgoingMail;

/** One notification in the outbox, with its delivery state: pending, sent or failed. */
public record OutboxEntry(long id, OutgoingMail mail, String status, int attempts, Instant nextAttempt,
        Optional<String> lastError, Instant created, Optional<Instant> sent) {
}
