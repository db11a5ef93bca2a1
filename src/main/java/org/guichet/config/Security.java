package org.guichet.config;

import java.util.Objects;

/**
 * What Guichet trusts: the secret that signs its reply addresses and tokens, and whether agents' commands
 * count only when the receiving server authenticated the sender ({@code Authentication-Results}).
 */
public record Security(String secret, boolean requireAuthenticatedAgents, String trustedAuthservId) {

    static final int MIN_SECRET_LENGTH = 16;

    public Security {
        Objects.requireNonNull(secret, "secret");
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("secret must be at least " + MIN_SECRET_LENGTH + " characters long");
        }
        Objects.requireNonNull(trustedAuthservId, "trusted authserv-id");
        if (requireAuthenticatedAgents && trustedAuthservId.isBlank()) {
            throw new IllegalArgumentException("a trusted authserv-id is required to authenticate agents");
        }
    }

    /** Leaves the secret out, so that logging the record cannot leak it. */
    @Override
    public String toString() {
        return "Security[requireAuthenticatedAgents=" + requireAuthenticatedAgents
                + ", trustedAuthservId=" + trustedAuthservId + "]";
    }
}
