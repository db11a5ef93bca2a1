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
        Optional<Instant> until, List<String> words, Optional<Mailbox> mailbox) {

    public TicketFilter {
        words = List.copyOf(words);
        java.util.Objects.requireNonNull(mailbox);
    }

    /** The tickets answered from one mailbox; those of the first mailbox include the tickets that name none. */
    public record Mailbox(String name, boolean primary) {
    }

    public TicketFilter(Optional<Status> status, Optional<String> service, Optional<String> requester,
            Optional<String> assignee, Optional<String> category, Optional<Priority> priority, Optional<Instant> since,
            Optional<Instant> until, List<String> words) {
        this(status, service, requester, assignee, category, priority, since, until, words, Optional.empty());
    }

    /** The same, only the tickets answered from this mailbox. */
    public TicketFilter from(Mailbox answering) {
        return new TicketFilter(status, service, requester, assignee, category, priority, since, until, words,
                Optional.of(answering));
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
