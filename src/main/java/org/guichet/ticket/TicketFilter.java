package org.guichet.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.guichet.route.Priority;

/**
 * Which tickets a listing shows; an empty field does not filter. {@code since} and {@code until} bound the
 * creation time (from, inclusive; to, exclusive); {@code words} must all appear, accents and case ignored, in the
 * ticket's subject or its messages.
 */
public record TicketFilter(Optional<Status> status, Optional<String> service, Optional<String> requester,
        Optional<String> assignee, Optional<String> category, Optional<Priority> priority, Optional<Instant> since,
        Optional<Instant> until, List<String> words) {

    public TicketFilter {
        words = List.copyOf(words);
    }

    public TicketFilter(Optional<Status> status, Optional<String> service, Optional<String> requester,
            Optional<String> assignee) {
        this(status, service, requester, assignee, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of());
    }

    public static TicketFilter all() {
        return new TicketFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
