package org.guichet.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.guichet.parse.MailAddress;
import org.guichet.route.Priority;

/** One request to the helpdesk, as it stands now; {@code mailbox} answers it (none: the first mailbox). */
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
        Optional<Long> linkedTicket,
        Optional<String> mailbox) {

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
        Objects.requireNonNull(mailbox);
    }

    /** The same ticket answered from another mailbox's address (a {@code #transfer} that moves it). */
    public Ticket withMailbox(String newMailbox, Instant now) {
        return new Ticket(id, subject, requester, category, subcategory, service, priority, status, assignee,
                observers, created, now, firstResponse, resolved, closed, linkedTicket, Optional.of(newMailbox));
    }

    public Ticket withStatus(Status newStatus, Instant now) {
        // a ticket open again is no longer resolved: its resolution time is the one of its next resolution
        boolean open = newStatus == Status.NEW || newStatus == Status.ASSIGNED || newStatus == Status.WAITING;
        Optional<Instant> resolvedAt = newStatus == Status.RESOLVED ? Optional.of(now)
                : open ? Optional.empty() : resolved;
        Optional<Instant> closedAt = newStatus.isFinal() ? Optional.of(now) : open ? Optional.empty() : closed;
        return new Ticket(id, subject, requester, category, subcategory, service, priority, newStatus, assignee,
                observers, created, now, firstResponse, resolvedAt, closedAt, linkedTicket, mailbox);
    }

    public Ticket withAssignee(Optional<String> newAssignee, Instant now) {
        return new Ticket(id, subject, requester, category, subcategory, service, priority, status, newAssignee,
                observers, created, now, firstResponse, resolved, closed, linkedTicket, mailbox);
    }

    public Ticket withObservers(List<String> newObservers, Instant now) {
        return new Ticket(id, subject, requester, category, subcategory, service, priority, status, assignee,
                newObservers, created, now, firstResponse, resolved, closed, linkedTicket, mailbox);
    }

    public Ticket withSubject(String newSubject, Instant now) {
        return new Ticket(id, newSubject, requester, category, subcategory, service, priority, status, assignee,
                observers, created, now, firstResponse, resolved, closed, linkedTicket, mailbox);
    }

    public Ticket withPriority(Priority newPriority, Instant now) {
        return new Ticket(id, subject, requester, category, subcategory, service, newPriority, status, assignee,
                observers, created, now, firstResponse, resolved, closed, linkedTicket, mailbox);
    }

    public Ticket withCategory(String newCategory, Optional<String> newSubcategory, String newService, Instant now) {
        return new Ticket(id, subject, requester, newCategory, newSubcategory, newService, priority, status, assignee,
                observers, created, now, firstResponse, resolved, closed, linkedTicket, mailbox);
    }

    /** The first answer of an agent that the requester can read; later ones do not move it. */
    public Ticket answered(Instant now) {
        return new Ticket(id, subject, requester, category, subcategory, service, priority, status, assignee,
                observers, created, now, firstResponse.or(() -> Optional.of(now)), resolved, closed, linkedTicket, mailbox);
    }

    public Ticket touched(Instant now) {
        return new Ticket(id, subject, requester, category, subcategory, service, priority, status, assignee,
                observers, created, now, firstResponse, resolved, closed, linkedTicket, mailbox);
    }

    public String categoryPath() {
        return subcategory.map(s -> category + "/" + s).orElse(category);
    }
}
