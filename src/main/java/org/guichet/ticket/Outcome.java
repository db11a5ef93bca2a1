package org.guichet.ticket;

import java.util.Optional;

/** The ticket after a command, or why the command was refused (and then the ticket is unchanged). */
public record Outcome(Ticket ticket, Optional<String> refusal) {
    public static Outcome done(Ticket ticket) {
        return new Outcome(ticket, Optional.empty());
    }

    public static Outcome refused(Ticket ticket, String why) {
        return new Outcome(ticket, Optional.of(why));
    }
}
