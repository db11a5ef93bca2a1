package org.guichet.ticket;

import java.util.Optional;

/** Which tickets a listing shows; an empty field does not filter. */
public record TicketFilter(Optional<Status> status, Optional<String> service, Optional<String> requester,
        Optional<String> assignee) {

    public static TicketFilter all() {
        return new TicketFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
