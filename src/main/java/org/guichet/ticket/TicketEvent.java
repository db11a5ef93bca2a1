package org.guichet.ticket;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One line of a ticket's event log: who changed what, when, from which value to which. */
public record TicketEvent(Instant at, String actor, String type, Optional<String> from, Optional<String> to,
        String detail) {

    public TicketEvent {
        Objects.requireNonNull(at);
        Objects.requireNonNull(actor);
        Objects.requireNonNull(type);
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        Objects.requireNonNull(detail);
    }

    public static TicketEvent of(Instant at, String actor, String type, String detail) {
        return new TicketEvent(at, actor, type, Optional.empty(), Optional.empty(), detail);
    }

    public static TicketEvent change(Instant at, String actor, String type, String from, String to, String detail) {
        return new TicketEvent(at, actor, type, Optional.ofNullable(from), Optional.ofNullable(to), detail);
    }
}
