package org.guichet.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A mail that could not be handled, as {@code guichet quarantine list} shows it: its key (Message-ID or hash),
 * when it came and was quarantined, why, the hash of its raw bytes (absent when it was never downloaded), and the
 * mailbox it was found in.
 */
public record QuarantinedMail(long id, String key, Instant receivedAt, Optional<Instant> quarantinedAt, long size,
        Optional<String> rawSha256, int attempts, String reason, Optional<String> mailbox) {

    /** Not from a mailbox of the config: read from a file, or from before mailboxes had names. */
    public QuarantinedMail(long id, String key, Instant receivedAt, Optional<Instant> quarantinedAt, long size,
            Optional<String> rawSha256, int attempts, String reason) {
        this(id, key, receivedAt, quarantinedAt, size, rawSha256, attempts, reason, Optional.empty());
    }

    public QuarantinedMail {
        Objects.requireNonNull(mailbox);
        Objects.requireNonNull(key);
        Objects.requireNonNull(receivedAt);
        Objects.requireNonNull(quarantinedAt);
        Objects.requireNonNull(rawSha256);
        Objects.requireNonNull(reason);
    }
}
