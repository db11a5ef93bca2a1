package org.guichet.ticket;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One change an action made to a ticket, not yet recorded: the ticket after it, the lines it adds to the event
 * log, and the notification it causes. Its facts are codes ({@code waiting}, {@code high}, a service id), never
 * words of a language: the templates word them (see {@link Notices}). {@link ChangeRecorder} records and tells
 * every change the same way, so the changes one mail causes can be gathered before anyone is told.
 *
 * @param ticket the ticket after the change, to be saved
 * @param log the events the change adds to the ticket's log, in order
 * @param event what the people concerned are told
 * @param actor the address of who made the change
 * @param subject the person the change is about (an assignee, an observer), told even when not on the ticket
 * @param facts what the templates need beyond the ticket: codes, names, flags
 */
public record Change(Ticket ticket, List<TicketEvent> log, Event event, String actor, Optional<String> subject,
        Map<String, Object> facts) {
    public Change {
        Objects.requireNonNull(ticket);
        log = List.copyOf(log);
        Objects.requireNonNull(event);
        Objects.requireNonNull(actor);
        Objects.requireNonNull(subject);
        facts = Map.copyOf(facts);
    }
}
