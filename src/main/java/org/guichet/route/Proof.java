package org.guichet.route;

import java.util.Objects;

/**
 * Whether a mail proves who sent it (SPEC section 6), and why: by the reply address it was sent to, whose token
 * is bound to the ticket and to that sender, or by the receiving server's {@code Authentication-Results}. Only a
 * proven mail's commands may apply; {@code why} is written in the event log and told to a refused sender.
 *
 * @param kind how the sender proved who they are, or {@link Kind#NONE}
 * @param why one sentence, for the event log
 */
public record Proof(Kind kind, String why) {

    /** How a sender proved who they are. */
    public enum Kind { TOKEN, AUTHENTICATION_RESULTS, NONE }

    public Proof {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(why);
    }

    public static Proof token(String why) {
        return new Proof(Kind.TOKEN, why);
    }

    public static Proof authenticationResults(String why) {
        return new Proof(Kind.AUTHENTICATION_RESULTS, why);
    }

    public static Proof none(String why) {
        return new Proof(Kind.NONE, why);
    }

    public boolean proven() {
        return kind != Kind.NONE;
    }
}
