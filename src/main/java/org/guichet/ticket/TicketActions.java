package org.guichet.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.guichet.config.Category;
import org.guichet.config.GuichetConfig;
import org.guichet.config.MailboxSettings;
import org.guichet.route.MailCommand;
import org.guichet.route.Priority;
import org.guichet.route.Folding;

/**
 * The changes people make to a ticket, by command or by replying: each checked and returned as a
 * {@link Change} for {@link ChangeRecorder} to record and tell, or refused with a reason and nothing changed.
 */
public final class TicketActions {
    private static final int MAX_SUBJECT = 300;
    private final GuichetConfig config;

    public TicketActions(GuichetConfig config) {
        this.config = config;
    }

    public Outcome apply(Ticket t, MailCommand c, Actor actor, Instant now) {
        String arg = c.args().isEmpty() ? "" : c.args().get(0);
        return switch (c.name()) {
            case TAKE -> assign(t, actor.address(), actor, Event.TAKEN, now);
            case ASSIGN -> assignTo(t, arg, actor, now);
            case INVITE -> invite(t, arg, actor, now);
            case UNINVITE -> uninvite(t, arg, actor, now);
            case STATUS -> Status.parse(arg)
                    .map(s -> s == Status.NEW || s == Status.CANCELLED
                            ? Outcome.refused(t, "#status takes assigned, waiting, resolved or closed, not " + arg)
                            : changeStatus(t, s, actor, now))
                    .orElseGet(() -> Outcome.refused(t, "unknown status '" + arg
                            + "': use assigned, waiting, resolved or closed"));
            case WAIT -> changeStatus(t, Status.WAITING, actor, now);
            case RESOLVE -> changeStatus(t, Status.RESOLVED, actor, now);
            case CLOSE -> changeStatus(t, Status.CLOSED, actor, now);
            case CANCEL -> changeStatus(t, Status.CANCELLED, actor, now);
            case PRIORITY -> Priority.parse(arg).map(p -> priority(t, p, actor, now))
                    .orElseGet(() -> Outcome.refused(t, "unknown priority '" + arg
                            + "': use very-low, low, normal, high or very-high"));
            case TRANSFER -> transfer(t, arg, actor, now);
            case SUBJECT -> untaken(t, c).orElseGet(() -> subject(t, arg, actor, now));
            case CATEGORY -> untaken(t, c).orElseGet(() -> transfer(t, arg, actor, now));
            case INTERNAL, MY_TICKETS, QUEUE -> Outcome.done(t);
            case UNKNOWN -> Outcome.refused(t, "unknown command");
        };
    }

    /** A status change asked by someone, or by Guichet itself (a reply reopening, the daily job). */
    public Outcome changeStatus(Ticket t, Status to, Actor actor, Instant now) {
        Optional<String> refusal = StatusMachine.refusal(t.status(), to, actor.who());
        if (refusal.isPresent()) {
            return Outcome.refused(t, refusal.get());
        }
        Ticket changed = t.withStatus(to, now);
        List<TicketEvent> log = new ArrayList<>();
        if (to == Status.ASSIGNED && changed.assignee().isEmpty() && actor.kind() == Actor.Kind.AGENT) {
            changed = changed.withAssignee(Optional.of(actor.address()), now);
            log.add(TicketEvent.change(now, actor.address(), "assignee", null, actor.address(), "set by #status assigned"));
        }
        // a requester answering a question is not a reopening: only a resolved ticket reopens
        boolean reopened = to == Status.ASSIGNED && t.status() == Status.RESOLVED && actor.kind() != Actor.Kind.AGENT;
        boolean answered = to == Status.ASSIGNED && t.status() == Status.WAITING && actor.kind() != Actor.Kind.AGENT;
        String detail = reopened ? "reopened by the requester's reply"
                : answered ? "the requester answered"
                : actor.kind() == Actor.Kind.SYSTEM && to == Status.CLOSED ? "closed automatically: no answer since"
                        + " its resolution"
                : actor.kind() == Actor.Kind.SYSTEM && to == Status.RESOLVED ? "resolved automatically: no answer"
                        + " from the requester while waiting" : "";
        log.add(0, TicketEvent.change(now, actor.address(), reopened ? "reopened" : "status", t.status().code(),
                to.code(), detail));
        return Outcome.changed(new Change(changed, log, Event.STATUS_CHANGED,
                actor.address(), Optional.empty(), Map.of(
                "actorName", actor.shownName(), "oldStatus", t.status().code(), "newStatus", to.code(),
                "reopened", reopened, "resolved", to == Status.RESOLVED, "closed", to == Status.CLOSED,
                "cancelled", to == Status.CANCELLED, "waiting", to == Status.WAITING)));
    }

    /** The requester fixes their request only while nobody has taken it: after that, they write to the agent. */
    private static Optional<Outcome> untaken(Ticket t, MailCommand c) {
        String word = "#" + c.name().word();
        if (t.assignee().isPresent()) {
            return Optional.of(Outcome.refused(t, word + " only works while nobody has taken the ticket in charge; "
                    + t.assignee().get() + " has it now: reply to tell them what to change"));
        }
        if (t.status() != Status.NEW) {
            return Optional.of(Outcome.refused(t, word + " only works on a new ticket, and this one is "
                    + t.status().code()));
        }
        return Optional.empty();
    }

    private Outcome subject(Ticket t, String text, Actor actor, Instant now) {
        String subject = Notices.oneLine(text);
        if (subject.length() > MAX_SUBJECT) {
            subject = subject.substring(0, MAX_SUBJECT);
        }
        if (subject.equals(t.subject())) {
            return Outcome.refused(t, "the subject is already '" + subject + "'");
        }
        return Outcome.changed(new Change(t.withSubject(subject, now), List.of(TicketEvent.change(now,
                actor.address(), "subject", t.subject(), subject, "")), Event.SUBJECT_CHANGED, actor.address(),
                Optional.empty(), Map.of("actorName", actor.shownName(), "oldSubject", t.subject())));
    }

    private Outcome assignTo(Ticket t, String address, Actor actor, Instant now) {
        String agent = address.strip().toLowerCase(Locale.ROOT);
        if (!config.isAgent(agent)) {
            return Outcome.refused(t, agent + " is not an agent of any service");
        }
        return assign(t, agent, actor, agent.equals(actor.address()) ? Event.TAKEN : Event.ASSIGNED, now);
    }

    private Outcome assign(Ticket t, String agent, Actor actor, Event event, Instant now) {
        if (t.assignee().filter(agent::equalsIgnoreCase).isPresent()) {
            return Outcome.refused(t, "the ticket is already assigned to " + agent);
        }
        Ticket changed = t.withAssignee(Optional.of(agent), now);
        if (t.status() == Status.NEW) {
            changed = changed.withStatus(Status.ASSIGNED, now);
        }
        List<TicketEvent> log = new ArrayList<>();
        log.add(TicketEvent.change(now, actor.address(), "assignee", t.assignee().orElse(null), agent,
                event == Event.TAKEN ? "taken in charge" : "assigned by " + actor.address()));
        if (changed.status() != t.status()) {
            log.add(TicketEvent.change(now, actor.address(), "status", t.status().code(), changed.status().code(), ""));
        }
        return Outcome.changed(new Change(changed, log, event, actor.address(), Optional.of(agent), Map.of(
                "actorName", actor.shownName(), "assignee", agent)));
    }

    private Outcome invite(Ticket t, String address, Actor actor, Instant now) {
        String observer = address.strip().toLowerCase(Locale.ROOT);
        if (!observer.matches("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+")) {
            return Outcome.refused(t, "'" + address + "' is not an address");
        }
        if (t.observers().contains(observer) || t.requester().address().equals(observer)) {
            return Outcome.refused(t, observer + " already follows the ticket");
        }
        List<String> observers = new ArrayList<>(t.observers());
        observers.add(observer);
        return observers(t, t.withObservers(observers, now), observer, true, actor, now);
    }

    private Outcome uninvite(Ticket t, String address, Actor actor, Instant now) {
        String observer = address.strip().toLowerCase(Locale.ROOT);
        if (!t.observers().contains(observer)) {
            return Outcome.refused(t, observer + " is not an observer of the ticket");
        }
        List<String> observers = new ArrayList<>(t.observers());
        observers.remove(observer);
        return observers(t, t.withObservers(observers, now), observer, false, actor, now);
    }

    private Outcome observers(Ticket before, Ticket changed, String observer, boolean added, Actor actor,
            Instant now) {
        // the removed observer is told too, though no longer on the ticket
        return Outcome.changed(new Change(changed, List.of(TicketEvent.change(now, actor.address(),
                added ? "observer-added" : "observer-removed", added ? null : observer, added ? observer : null, "")),
                added ? Event.OBSERVER_INVITED : Event.OBSERVER_REMOVED, actor.address(), Optional.of(observer),
                Map.of("actorName", actor.shownName(), "observer", observer)));
    }

    private Outcome priority(Ticket t, Priority p, Actor actor, Instant now) {
        if (t.priority() == p) {
            return Outcome.refused(t, "the priority is already " + p.code());
        }
        Ticket changed = t.withPriority(p, now);
        return Outcome.changed(new Change(changed, List.of(TicketEvent.change(now, actor.address(), "priority",
                t.priority().code(), p.code(), "")), Event.PRIORITY_CHANGED, actor.address(), Optional.empty(), Map.of(
                "actorName", actor.shownName(), "oldPriority", t.priority().code(), "newPriority", p.code())));
    }

    private Outcome transfer(Ticket t, String path, Actor actor, Instant now) {
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
        List<TicketEvent> log = new ArrayList<>();
        log.add(TicketEvent.change(now, actor.address(), "category", t.categoryPath(), changed.categoryPath(),
                otherService ? "service " + t.service() + " -> " + to.service() : ""));
        if (changed.assignee().isEmpty() && t.assignee().isPresent()) {
            log.add(TicketEvent.change(now, actor.address(), "assignee", t.assignee().get(), null,
                    "not an agent of " + to.service()));
        }
        if (changed.status() != t.status()) {
            log.add(TicketEvent.change(now, actor.address(), "status", t.status().code(), changed.status().code(),
                    "back to new: the new service decides who handles it"));
        }
        Optional<MailboxSettings> behind = otherService ? mailboxBehind(to.service()) : Optional.empty();
        String answering = config.mailboxOf(t.mailbox()).name();
        if (behind.isPresent() && !behind.get().name().equalsIgnoreCase(answering)) {
            changed = changed.withMailbox(behind.get().name(), now);
            log.add(TicketEvent.change(now, actor.address(), "mailbox", answering, behind.get().name(),
                    "answered from " + behind.get().address() + " from now on (transfer-moves-address)"));
        }
        return Outcome.changed(new Change(changed, log, Event.TRANSFERRED, actor.address(), Optional.empty(), Map.of(
                "actorName", actor.shownName(), "oldCategory", t.categoryPath(), "oldService", t.service())));
    }

    /**
     * The mailbox whose default category this service handles, when that mailbox asks for the tickets transferred
     * to it ({@code transfer-moves-address}); otherwise a transfer leaves the answering address as it is.
     */
    private Optional<MailboxSettings> mailboxBehind(String service) {
        return config.mailboxes().stream().filter(MailboxSettings::transferMovesAddress)
                .filter(m -> m.defaultCategory().flatMap(config::category)
                        .filter(c -> c.service().equalsIgnoreCase(service)).isPresent())
                .findFirst();
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
}
