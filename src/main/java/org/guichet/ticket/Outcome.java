package org.guichet.ticket;

import java.util.Optional;

/**
 * What an action did: the change it made (to be recorded by {@link ChangeRecorder}), or why it was refused
 * (and then the ticket is unchanged).
 */
public record Outcome(Ticket ticket, Optional<String> refusal, Optional<Change> change) {
    public static Outcome done(Ticket ticket) {
        return new Outcome(ticket, Optional.empty(), Optional.empty());
    }

    public static Outcome changed(Change change) {
        return new Outcome(change.ticket(), Optional.empty(), Optional.of(change));
    }

    public static Outcome refused(Ticket ticket, String why) {
        return new Outcome(ticket, Optional.of(why), Optional.empty());
    }
}
