package org.guichet.intake;

import java.util.Objects;

/** What to do with a mail in the mailbox once the handler is done with it. */
public record Disposition(Action action, String reason) {
    public Disposition {
        Objects.requireNonNull(action);
        Objects.requireNonNull(reason);
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
