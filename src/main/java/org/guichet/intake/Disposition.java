package org.guichet.intake;

import java.util.Objects;

/** What to do with a mail in the mailbox once the handler is done with it. */
public record Disposition(Action action, String reason) {
    public Disposition {
        Objects.requireNonNull(action);
        Objects.requireNonNull(reason);
    }

    /** Move to the processed folder, move to quarantine, or leave it in place to be tried again later. */
    public enum Action {
        PROCESSED, QUARANTINE, RETRY
    }

    public static Disposition processed() {
        return new Disposition(Action.PROCESSED, "");
    }

    public static Disposition quarantine(String reason) {
        return new Disposition(Action.QUARANTINE, reason);
    }

    public static Disposition retry(String reason) {
        return new Disposition(Action.RETRY, reason);
    }
}
