package org.guichet.store;

import java.time.Instant;

/** One lease row: which instance holds the named job, since when, and until when unless renewed. */
public record Lease(String name, String holder, Instant acquiredAt, Instant renewedAt, Instant expiresAt) {

    public boolean activeAt(Instant now) {
        return expiresAt.isAfter(now);
    }
}
