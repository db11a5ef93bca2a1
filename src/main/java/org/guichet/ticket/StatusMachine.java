package org.guichet.ticket;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The status table of SPEC section 3, in one place: which status can follow which, and for whom. Every change
 * of status goes through {@link #refusal}; an impossible one is refused with a reason and nothing changes.
 */
public final class StatusMachine {
    /** Who asks for a change: an agent, the ticket's requester, or Guichet itself (a reply, the daily job). */
    public enum Who {
        AGENT, REQUESTER, SYSTEM
    }

    private static final Map<Status, Set<Status>> BY_AGENT = Map.of(
            Status.NEW, EnumSet.of(Status.ASSIGNED, Status.WAITING, Status.RESOLVED, Status.CLOSED),
            Status.ASSIGNED, EnumSet.of(Status.WAITING, Status.RESOLVED, Status.CLOSED),
            Status.WAITING, EnumSet.of(Status.ASSIGNED, Status.RESOLVED, Status.CLOSED),
            Status.RESOLVED, EnumSet.of(Status.ASSIGNED, Status.CLOSED));
    private static final Map<Status, Set<Status>> BY_REQUESTER = Map.of(
            Status.NEW, EnumSet.of(Status.CANCELLED),
            Status.ASSIGNED, EnumSet.of(Status.CANCELLED),
            Status.WAITING, EnumSet.of(Status.CANCELLED, Status.ASSIGNED),
            Status.RESOLVED, EnumSet.of(Status.CLOSED, Status.ASSIGNED));
    private static final Map<Status, Set<Status>> BY_SYSTEM = Map.of(
            Status.WAITING, EnumSet.of(Status.ASSIGNED, Status.RESOLVED),
            Status.RESOLVED, EnumSet.of(Status.ASSIGNED, Status.CLOSED));

    private StatusMachine() {
    }

    /** Why {@code from} cannot become {@code to} at the request of {@code who}; nothing when it can. */
    public static Optional<String> refusal(Status from, Status to, Who who) {
        if (from == to) {
            return Optional.of("the ticket is already " + to.code());
        }
        if (from.isFinal()) {
            return Optional.of("the ticket is " + from.code() + ", which is final");
        }
        Set<Status> allowed = table(who).getOrDefault(from, Set.of());
        if (allowed.contains(to)) {
            return Optional.empty();
        }
        return Optional.of(explain(from, to, who));
    }

    private static Map<Status, Set<Status>> table(Who who) {
        return switch (who) {
            case AGENT -> BY_AGENT;
            case REQUESTER -> BY_REQUESTER;
            case SYSTEM -> BY_SYSTEM;
        };
    }

    private static String explain(Status from, Status to, Who who) {
        if (who == Who.REQUESTER && to == Status.CLOSED) {
            return "only a resolved ticket can be closed by its requester (this one is " + from.code()
                    + "); #cancel withdraws a request";
        }
        if (to == Status.CANCELLED) {
            return who == Who.REQUESTER ? "a " + from.code() + " ticket cannot be cancelled; #close confirms it"
                    : "only the requester can cancel a request";
        }
        if (to == Status.NEW) {
            return "a ticket cannot go back to new";
        }
        return "a " + from.code() + " ticket cannot become " + to.code();
    }
}
