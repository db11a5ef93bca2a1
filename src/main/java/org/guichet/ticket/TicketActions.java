package org.guichet.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.guichet.config.Category;
import org.guichet.config.GuichetConfig;
import org.guichet.route.MailCommand;
import org.guichet.route.Priority;
import org.guichet.route.Folding;

/**
 * The changes people make to a ticket, by command or by replying: each checked, applied, written to the
 * event log and told to the people concerned, or refused with a reason and nothing changed.
 */
public final class TicketActions {
    private final GuichetConfig config;
    private final Notifier notifier;

    public TicketActions(GuichetConfig config, Notifier notifier) {
        this.config = config;
        this.notifier = notifier;
    }

    public Outcome apply(TicketTx tx, Ticket t, MailCommand c, Actor actor, Instant now) {
        String arg = c.args().isEmpty() ? "" : c.args().get(0);
        return switch (c.name()) {
            case TAKE -> assign(tx, t, actor.address(), actor, Event.TAKEN, now);
            case ASSIGN -> assignTo(tx, t, arg, actor, now);
            case INVITE -> invite(tx, t, arg, actor, now);
            case UNINVITE -> uninvite(tx, t, arg, actor, now);
            case STATUS -> Status.parse(arg)
                    .map(s -> s == Status.NEW || s == Status.CANCELLED
                            ? Outcome.refused(t, "#status takes assigned, waiting, resolved or closed, not " + arg)
                            : changeStatus(tx, t, s, actor, now))
                    .orElseGet(() -> Outcome.refused(t, "unknown status '" + arg
                            + "': use assigned, waiting, resolved or closed"));
            case WAIT -> changeStatus(tx, t, Status.WAITING, actor, now);
            case RESOLVE -> changeStatus(tx, t, Status.RESOLVED, actor, now);
            case CLOSE -> changeStatus(tx, t, Status.CLOSED, actor, now);
            case CANCEL -> changeStatus(tx, t, Status.CANCELLED, actor, now);
            case PRIORITY -> Priority.parse(arg).map(p -> priority(tx, t, p, actor, now))
                    .orElseGet(() -> Outcome.refused(t, "unknown priority '" + arg
                            + "': use very-low, low, normal, high or very-high"));
            case TRANSFER -> transfer(tx, t, arg, actor, now);
            case INTERNAL, MY_TICKETS -> Outcome.done(t);
            case UNKNOWN -> Outcome.refused(t, "unknown command");
        };
    }

    /** A status change asked by someone, or by Guichet itself (a reply reopening, the daily job). */
    public Outcome changeStatus(TicketTx tx, Ticket t, Status to, Actor actor, Instant now) {
        Optional<String> refusal = StatusMachine.refusal(t.status(), to, actor.who());
        if (refusal.isPresent()) {
            return Outcome.refused(t, refusal.get());
        }
        Ticket changed = t.withStatus(to, now);
        if (to == Status.ASSIGNED && changed.assignee().isEmpty() && actor.kind() == Actor.Kind.AGENT) {
            changed = changed.withAssignee(Optional.of(actor.address()), now);
        }
        boolean reopened = to == Status.ASSIGNED && (t.status() == Status.WAITING || t.status() == Status.RESOLVED)
                && actor.kind() != Actor.Kind.AGENT;
        tx.save(changed);
        String detail = reopened ? "reopened by the requester's reply"
                : actor.kind() == Actor.Kind.SYSTEM && to == Status.CLOSED ? "closed automatically: no answer since"
                        + " its resolution" : "";
        tx.insertEvent(t.id(), TicketEvent.change(now, actor.address(), reopened ? "reopened" : "status",
                t.status().code(), to.code(), detail));
        notifier.tell(tx, Event.STATUS_CHANGED, changed, actor.address(), Optional.empty(), Notices.Content.of(Map.of(
                "actorName", actor.shownName(), "oldStatus", label("status." + t.status().code()),
                "newStatus", label("status." + to.code()), "reopened", reopened,
                "resolved", to == Status.RESOLVED, "closed", to == Status.CLOSED, "cancelled", to == Status.CANCELLED,
                "waiting", to == Status.WAITING)), now);
        return Outcome.done(changed);
    }

    private Outcome assignTo(TicketTx tx, Ticket t, String address, Actor actor, Instant now) {
        String agent = address.strip().toLowerCase(Locale.ROOT);
        if (!config.isAgent(agent)) {
            return Outcome.refused(t, agent + " is not an agent of any service");
        }
        return assign(tx, t, agent, actor, agent.equals(actor.address()) ? Event.TAKEN : Event.ASSIGNED, now);
    }

    private Outcome assign(TicketTx tx, Ticket t, String agent, Actor actor, Event event, Instant now) {
        if (t.assignee().filter(agent::equalsIgnoreCase).isPresent()) {
            return Outcome.refused(t, "the ticket is already assigned to " + agent);
        }
        Ticket changed = t.withAssignee(Optional.of(agent), now);
        if (t.status() == Status.NEW) {
            changed = changed.withStatus(Status.ASSIGNED, now);
        }
        tx.save(changed);
        tx.insertEvent(t.id(), TicketEvent.change(now, actor.address(), "assignee", t.assignee().orElse(null), agent,
                event == Event.TAKEN ? "taken in charge" : "assigned by " + actor.address()));
        if (changed.status() != t.status()) {
            tx.insertEvent(t.id(), TicketEvent.change(now, actor.address(), "status", t.status().code(),
                    changed.status().code(), ""));
        }
        notifier.tell(tx, event, changed, actor.address(), Optional.of(agent), Notices.Content.of(Map.of(
                "actorName", actor.shownName(), "assignee", agent)), now);
        return Outcome.done(changed);
    }

    private Outcome invite(TicketTx tx, Ticket t, String address, Actor actor, Instant now) {
        String observer = address.strip().toLowerCase(Locale.ROOT);
        if (!observer.matches("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+")) {
            return Outcome.refused(t, "'" + address + "' is not an address");
        }
        if (t.observers().contains(observer) || t.requester().address().equals(observer)) {
            return Outcome.refused(t, observer + " already follows the ticket");
        }
        List<String> observers = new ArrayList<>(t.observers());
        observers.add(observer);
        return observers(tx, t, t.withObservers(observers, now), observer, true, actor, now);
    }

    private Outcome uninvite(TicketTx tx, Ticket t, String address, Actor actor, Instant now) {
        String observer = address.strip().toLowerCase(Locale.ROOT);
        if (!t.observers().contains(observer)) {
            return Outcome.refused(t, observer + " is not an observer of the ticket");
        }
        List<String> observers = new ArrayList<>(t.observers());
        observers.remove(observer);
        return observers(tx, t, t.withObservers(observers, now), observer, false, actor, now);
    }

    private Outcome observers(TicketTx tx, Ticket before, Ticket changed, String observer, boolean added, Actor actor,
            Instant now) {
        tx.save(changed);
        tx.insertEvent(before.id(), TicketEvent.change(now, actor.address(), added ? "observer-added" : "observer-removed",
                added ? null : observer, added ? observer : null, ""));
        // the removed observer is told too, though no longer on the ticket
        notifier.tell(tx, added ? Event.OBSERVER_INVITED : Event.OBSERVER_REMOVED, changed, actor.address(),
                Optional.of(observer), Notices.Content.of(Map.of("actorName", actor.shownName(), "observer", observer)),
                now);
        return Outcome.done(changed);
    }

    private Outcome priority(TicketTx tx, Ticket t, Priority p, Actor actor, Instant now) {
        if (t.priority() == p) {
            return Outcome.refused(t, "the priority is already " + p.code());
        }
        Ticket changed = t.withPriority(p, now);
        tx.save(changed);
        tx.insertEvent(t.id(), TicketEvent.change(now, actor.address(), "priority", t.priority().code(), p.code(), ""));
        notifier.tell(tx, Event.PRIORITY_CHANGED, changed, actor.address(), Optional.empty(), Notices.Content.of(Map.of(
                "actorName", actor.shownName(), "oldPriority", label("priority." + t.priority().code()),
                "newPriority", label("priority." + p.code()))), now);
        return Outcome.done(changed);
    }

    private Outcome transfer(TicketTx tx, Ticket t, String path, Actor actor, Instant now) {
        Optional<Target> target = target(path);
        if (target.isEmpty()) {
            return Outcome.refused(t, "no category '" + path + "': use Category or Category/Subcategory");
        }
        Target to = target.get();
        if (to.category().equals(t.category()) && to.subcategory().equals(t.subcategory())) {
            return Outcome.refused(t, "the ticket is already in " + t.categoryPath());
        }
        Ticket changed = t.withCategory(to.category(), to.subcategory(), to.service(), now);
        boolean otherService = !to.service().equalsIgnoreCase(t.service());
        // the new service decides who handles it: an assignee from the old one lets go
        if (otherService && t.assignee().filter(a -> !agentOf(to.service(), a)).isPresent()) {
            changed = changed.withAssignee(Optional.empty(), now);
            if (changed.status() == Status.ASSIGNED) {
                changed = changed.withStatus(Status.NEW, now);
            }
        }
        tx.save(changed);
        tx.insertEvent(t.id(), TicketEvent.change(now, actor.address(), "category", t.categoryPath(),
                changed.categoryPath(), otherService ? "service " + t.service() + " -> " + to.service() : ""));
        if (changed.assignee().isEmpty() && t.assignee().isPresent()) {
            tx.insertEvent(t.id(), TicketEvent.change(now, actor.address(), "assignee", t.assignee().get(), null,
                    "not an agent of " + to.service()));
        }
        notifier.tell(tx, Event.TRANSFERRED, changed, actor.address(), Optional.empty(), Notices.Content.of(Map.of(
                "actorName", actor.shownName(), "oldCategory", t.categoryPath(),
                "oldService", notifier.notices().serviceName(t.service()))), now);
        return Outcome.done(changed);
    }

    private record Target(String category, Optional<String> subcategory, String service) {
    }

    private Optional<Target> target(String path) {
        String[] parts = path.split("/", 2);
        Optional<Category> category = config.categories().stream()
                .filter(c -> Folding.slug(c.name()).equals(Folding.slug(parts[0]))).findFirst();
        if (category.isEmpty()) {
            return Optional.empty();
        }
        if (parts.length == 1) {
            return Optional.of(new Target(category.get().name(), Optional.empty(), category.get().service()));
        }
        return category.get().subcategories().stream()
                .filter(s -> Folding.slug(s.name()).equals(Folding.slug(parts[1]))).findFirst()
                .map(s -> new Target(category.get().name(), Optional.of(s.name()), s.service()));
    }

    private boolean agentOf(String service, String address) {
        return config.service(service).map(s -> s.agents().contains(address)).orElse(false);
    }

    private String label(String key) {
        return notifier.notices().label(key);
    }
}
