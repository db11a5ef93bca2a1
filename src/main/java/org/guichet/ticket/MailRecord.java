package org.guichet.ticket;

import java.util.Locale;
import java.util.Optional;

/**
 * What the database knows of one received mail: whether it was handled yet, how often it was tried, and the
 * mailbox it was last found in (none for a file).
 */
public record MailRecord(long id, String key, State state, int attempts, Optional<Long> ticket,
        Optional<String> mailbox) {

    public MailRecord(long id, String key, State state, int attempts, Optional<Long> ticket) {
        this(id, key, state, attempts, ticket, Optional.empty());
    }

    /** The life of a received mail: received (bytes kept), handled (committed), quarantined. */
    public enum State {
        RECEIVED, HANDLED, QUARANTINED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
