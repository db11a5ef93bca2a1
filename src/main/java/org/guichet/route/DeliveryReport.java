package org.guichet.route;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a bounce says about a mail Guichet sent: which message came back, and which recipients it could not reach.
 * The ticket side links the report to its ticket by {@code originalMessageId} and stops writing to the failed
 * addresses.
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
     */
    public record FailedRecipient(String address, Optional<String> status) {
        public FailedRecipient {
            Objects.requireNonNull(address);
            Objects.requireNonNull(status);
        }

        /** A 5.x.x status: the address will not work on a second try. A 4.x.x one (mailbox full) may. */
        public boolean permanent() {
            return status.filter(s -> s.startsWith("5")).isPresent();
        }
    }
}
