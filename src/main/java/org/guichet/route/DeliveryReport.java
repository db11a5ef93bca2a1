package org.guichet.route;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a bounce says about a mail Guichet sent: which message came back, and which recipients it could not reach.
 * Only verifiable claims count: the ticket side marks an address undeliverable only when the outbox holds a
 * notification with {@code originalMessageId} sent to that very address, or when the returned copy shows that
 * address's own reply token ({@link FailedRecipient#tokenTicket}). A free-standing {@code X-Failed-Recipients}
 * or an address in the text names a candidate, never a fact.
 *
 * @param originalMessageId the Message-ID (without angle brackets) of the returned message, when the report names it
 * @param failed the recipients the report says failed or were delayed, in the order it names them
 */
public record DeliveryReport(Optional<String> originalMessageId, List<FailedRecipient> failed) {

    public DeliveryReport {
        Objects.requireNonNull(originalMessageId);
        failed = List.copyOf(failed);
    }

    /**
     * One recipient a delivery report names.
     *
     * @param address lower-cased
     * @param status the RFC 3463 status, such as "5.1.1", when the report gives one
     * @param tokenTicket the ticket whose reply address for {@code address} (its per-recipient token, checked) the
     *     returned copy shows: proof that the bounce is about a notification sent to that address
     */
    public record FailedRecipient(String address, Optional<String> status, Optional<Long> tokenTicket) {
        public FailedRecipient {
            Objects.requireNonNull(address);
            Objects.requireNonNull(status);
            Objects.requireNonNull(tokenTicket);
        }

        public FailedRecipient(String address, Optional<String> status) {
            this(address, status, Optional.empty());
        }

        /** A 5.x.x status: the address will not work on a second try. A 4.x.x one (mailbox full) may. */
        public boolean permanent() {
            return status.filter(s -> s.startsWith("5")).isPresent();
        }
    }
}
