package org.guichet.intake;

import java.util.Objects;
import java.util.Optional;

/** What to do with a mail in the mailbox once the handler is done with it, and the ticket it went to, if any. */
public record Disposition(Action action, String reason, Optional<Long> ticket) {
    public Disposition {
        Objects.requireNonNull(action);
        Objects.requireNonNull(reason);
        Objects.requireNonNull(ticket);
    }

    public Disposition(Action action, String reason) {
        this(action, reason, Optional.empty());
    }

    /**
     * Move to the processed folder, move to quarantine, leave it in place to be tried again later, or leave it
     * and every mail behind it in place and wait: the storage (database, disk) is unavailable.
     */
    public enum Action {
        PROCESSED, QUARANTINE, RETRY, PAUSE
    }

    public static Disposition processed() {
        return new Disposition(Action.PROCESSED, "");
    }

    /** Handled, onto this ticket: the log line and the metrics name it. */
    public static Disposition processedOn(long ticket) {
        return new Disposition(Action.PROCESSED, "", Optional.of(ticket));
    }

    public static Disposition quarantine(String reason) {
        return new Disposition(Action.QUARANTINE, reason);
    }

    public static Disposition retry(String reason) {
        return new Disposition(Action.RETRY, reason);
    }

    public static Disposition pause(String reason) {
        return new Disposition(Action.PAUSE, reason);
    }
}
