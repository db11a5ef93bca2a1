package org.guichet.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.guichet.parse.MailAddress;
import org.guichet.route.Priority;

/** One request to the helpdesk, as it stands now. */
public record Ticket(
        long id,
        String subject,
        MailAddress requester,
        String category,
        Optional<String> subcategory,
        String service,
        Priority priority,
        Status status,
        Optional<String> assignee,
        List<String> observers,
        Instant created,
        Instant updated,
        Optional<Instant> firstResponse,
        Optional<Instant> resolved,
        Optional<Instant> closed,
        Optional<Long> linkedTicket) {

    public Ticket {
        Objects.requireNonNull(subject);
        Objects.requireNonNull(requester);
        Objects.requireNonNull(category);
        Objects.requireNonNull(service);
        Objects.requireNonNull(priority);
        Objects.requireNonNull(status);
        observers = List.copyOf(observers);
        Objects.requireNonNull(created);
        Objects.requireNonNull(updated);
    }
}
