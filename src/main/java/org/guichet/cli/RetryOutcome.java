package org.guichet.cli;

import java.util.Objects;

/** What {@code quarantine retry} did: the mail handled at last, or why it still is not. */
public record RetryOutcome(boolean handled, String detail) {
    public RetryOutcome {
        Objects.requireNonNull(detail);
    }
}
