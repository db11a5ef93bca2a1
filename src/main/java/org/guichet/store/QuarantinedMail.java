package org.guichet.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A mail that could not be handled, as {@code guichet quarantine list} shows it: its key (Message-ID or hash),
 * when it came and was quarantined, why, and the hash of its raw bytes, absent when it was never downloaded.
 */
public record QuarantinedMail(long id, String key, Instant receivedAt, Optional<Instant> quarantinedAt, long size,
        Optional<String> rawSha256, int attempts, String reason) {
    public QuarantinedMail {
        Objects.requireNonNull(key);
        Objects.requireNonNull(receivedAt);
        Objects.requireNonNull(quarantinedAt);
        Objects.requireNonNull(rawSha256);
        Objects.requireNonNull(reason);
    }
}
