package org.guichet.route;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** What routing needs to know of an existing ticket: who takes part in it and whether it is still open. */
public record TicketRef(long id, String requester, Set<String> participants, String service, boolean open) {
    public TicketRef {
        Objects.requireNonNull(requester);
        participants = Set.copyOf(participants);
        Objects.requireNonNull(service);
    }

    public boolean hasParticipant(String address) {
        String wanted = address.toLowerCase(Locale.ROOT);
        return requester.equalsIgnoreCase(wanted) || participants.contains(wanted);
    }
}
