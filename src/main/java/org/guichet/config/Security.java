package org.guichet.config;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What Guichet trusts: the secret that signs its reply addresses and tokens, whether commands need proof of
 * who sent them (SPEC section 6), and the authserv-id of the receiving server whose
 * {@code Authentication-Results} counts as proof (blank: only reply tokens prove).
 */
public record Security(String secret, RequireProof requireProof, String trustedAuthservId) {

    static final int MIN_SECRET_LENGTH = 16;
    /** The secret shipped in the demo's config: refused outside the demo, since everyone knows it. */
    public static final String DEMO_SECRET = "demo-secret-change-me-in-production";

    /** {@code security.require-proof}: {@code auto} is on outside the demo and off in it. */
    public enum RequireProof {
        AUTO, TRUE, FALSE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Security {
        Objects.requireNonNull(secret, "secret");
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("secret must be at least " + MIN_SECRET_LENGTH + " characters long");
        }
        Objects.requireNonNull(requireProof, "require proof");
        Objects.requireNonNull(trustedAuthservId, "trusted authserv-id");
    }

    /** Whether commands apply only with proof of their sender, for a helpdesk with or without the demo server. */
    public boolean proofRequired(boolean demoServer) {
        return switch (requireProof) {
            case AUTO -> !demoServer;
            case TRUE -> true;
            case FALSE -> false;
        };
    }

    /** The warning {@code run} and {@code config check} print when proof is switched off outside the demo. */
    public Optional<String> warning(boolean demoServer) {
        if (demoServer || requireProof != RequireProof.FALSE) {
            return Optional.empty();
        }
        return Optional.of("security.require-proof is false outside the demo: anyone who writes an agent's or a"
                + " requester's From address can act on their tickets; set it to auto");
    }

    /** Leaves the secret out, so that logging the record cannot leak it. */
    @Override
    public String toString() {
        return "Security[requireProof=" + requireProof.code() + ", trustedAuthservId=" + trustedAuthservId + "]";
    }
}
