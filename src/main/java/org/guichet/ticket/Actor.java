package org.guichet.ticket;

import java.util.Objects;

/** Who acts on a ticket: the sender of a mail (agent, requester or someone else) or Guichet itself. */
public record Actor(String address, String name, Kind kind) {
    public Actor {
        Objects.requireNonNull(address);
        Objects.requireNonNull(name);
        Objects.requireNonNull(kind);
    }

    /** A trusted agent, the ticket's requester, anyone else (observer, colleague in Cc), or Guichet. */
    public enum Kind {
        AGENT, REQUESTER, OTHER, SYSTEM
    }

    public static Actor system() {
        return new Actor("guichet", "Guichet", Kind.SYSTEM);
    }

    /** The name to show people: the display name of the mail, else the address. */
    public String shownName() {
        return name.isBlank() ? address : name;
    }

    StatusMachine.Who who() {
        return switch (kind) {
            case AGENT -> StatusMachine.Who.AGENT;
            case REQUESTER -> StatusMachine.Who.REQUESTER;
            case OTHER, SYSTEM -> StatusMachine.Who.SYSTEM;
        };
    }
}
