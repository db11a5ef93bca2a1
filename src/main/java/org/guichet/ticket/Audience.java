package org.guichet.ticket;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.guichet.config.GuichetConfig;
import org.guichet.route.AutomaticMail;

/**
 * Who is told of each event (SPEC section 8), in one place. The person whose mail caused the event is left
 * out, except from the acknowledgement of their own new ticket, and so are the helpdesk's own addresses.
 */
public final class Audience {
    private final GuichetConfig config;
    private final AutomaticMail own;

    public Audience(GuichetConfig config) {
        this.config = config;
        this.own = AutomaticMail.of(config);
    }

    /**
     * @param ticket the ticket after the change
     * @param actor the address whose mail caused the event
     * @param subject the person the event is about (new assignee, invited or removed observer), if any
     */
    public List<String> of(Event event, Ticket ticket, String actor, Optional<String> subject) {
        Set<String> to = new LinkedHashSet<>();
        String requester = ticket.requester().address();
        switch (event) {
            case ACKNOWLEDGEMENT -> to.add(requester);
            case OPENED -> to.addAll(agents(ticket.service()));
            case TAKEN, ASSIGNED -> {
                to.add(requester);
                to.addAll(ticket.observers());
                subject.ifPresent(to::add);
            }
            case OBSERVER_INVITED, OBSERVER_REMOVED -> {
                to.add(requester);
                subject.ifPresent(to::add);
            }
            case TRANSFERRED -> {
                to.add(requester);
                to.addAll(agents(ticket.service()));
            }
            case STATUS_CHANGED -> {
                to.add(requester);
                to.addAll(ticket.observers());
                ticket.assignee().ifPresent(to::add);
            }
            case PRIORITY_CHANGED -> {
                to.add(requester);
                ticket.assignee().ifPresent(to::add);
            }
            case AGENT_REPLY -> {
                to.add(requester);
                to.addAll(ticket.observers());
            }
            case REQUESTER_REPLY -> to.addAll(handlers(ticket));
            case PARTICIPANT_REPLY -> {
                to.add(requester);
                to.addAll(handlers(ticket));
                to.addAll(ticket.observers());
            }
            case INTERNAL_NOTE -> {
                to.addAll(handlers(ticket));
                to.addAll(agents(ticket.service()));
                // Cc observers are the requester's people: an internal note reaches only observers who are agents
                ticket.observers().stream().filter(config::isAgent).forEach(to::add);
            }
            case COMMAND_REFUSED, MY_TICKETS, QUEUE -> to.add(actor);
            case SLA_REMINDER, SUBJECT_CHANGED -> to.addAll(handlers(ticket));
            case SLA_ESCALATION -> to.addAll(escalation(ticket));
            case WAITING_REMINDER -> to.add(requester);
            case TOO_MANY_TICKETS, DIGEST -> { }
        }
        return withoutActorAndSelf(to, event, actor);
    }

    private List<String> withoutActorAndSelf(Set<String> to, Event event, String actor) {
        List<String> kept = new ArrayList<>();
        for (String address : to) {
            String a = address.toLowerCase(Locale.ROOT);
            boolean isActor = a.equalsIgnoreCase(actor) && event != Event.ACKNOWLEDGEMENT
                    && event != Event.COMMAND_REFUSED && event != Event.MY_TICKETS && event != Event.QUEUE;
            if (!isActor && !own.isOwn(a)) {
                kept.add(a);
            }
        }
        return kept;
    }

    public boolean isAgent(String address) {
        return config.isAgent(address);
    }

    /** The assignee, or while there is none, every agent of the ticket's service. */
    private List<String> handlers(Ticket ticket) {
        return ticket.assignee().map(List::of).orElseGet(() -> agents(ticket.service()));
    }

    /** The service's escalation address, or while it has none, whoever handles the ticket. */
    private List<String> escalation(Ticket ticket) {
        return config.service(ticket.service()).flatMap(s -> s.escalation()).map(List::of)
                .orElseGet(() -> handlers(ticket));
    }

    private List<String> agents(String service) {
        return config.service(service).map(s -> s.agents()).orElse(List.of());
    }
}
