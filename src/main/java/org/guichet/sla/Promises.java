package org.guichet.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.guichet.config.Sla;
import org.guichet.ticket.Status;
import org.guichet.ticket.Ticket;
import org.guichet.ticket.TicketEvent;

/**
 * Reads a ticket's event log against its promise: the clock runs in business hours while the ticket is new or
 * assigned, and stops while it waits on its requester or stands resolved ({@code waiting} time does not count).
 */
public final class Promises {
    private final Sla sla;
    private final BusinessClock clock;

    public Promises(Sla sla) {
        this.sla = sla;
        this.clock = new BusinessClock(sla.calendar());
    }

    /** Whether anything is promised at all: without an {@code sla:} section the jobs have nothing to check. */
    public boolean promising() {
        return sla.enabled();
    }

    public BusinessClock clock() {
        return clock;
    }

    /** Where the ticket stands at {@code now}; empty when nothing is promised for its service and priority. */
    public Optional<Dues> of(Ticket ticket, List<TicketEvent> events, Instant now) {
        return sla.target(ticket.service(), ticket.priority().code()).map(target -> dues(ticket, events, target, now));
    }

    private Dues dues(Ticket ticket, List<TicketEvent> events, Sla.Target target, Instant now) {
        List<Segment> running = running(ticket, events, now);
        Optional<Instant> taken = events.stream().filter(e -> e.type().equals("assignee") && e.to().isPresent())
                .map(TicketEvent::at).findFirst();
        Optional<Instant> resolvedAt = ticket.status() == Status.RESOLVED || ticket.status() == Status.CLOSED
                ? ticket.resolved().or(ticket::closed) : Optional.empty();
        Instant takeEnd = taken.orElse(now);
        Instant resolveEnd = resolvedAt.orElse(now);
        // a ticket done before its target keeps the due time it had; only a waiting one has none while it waits
        boolean paused = ticket.status() == Status.WAITING;
        return new Dues(target, reached(running, target.takeInCharge(), paused), taken, used(running, takeEnd),
                reached(running, target.resolve(), paused), resolvedAt, used(running, resolveEnd));
    }

    /** A stretch of time during which the ticket's clock ran; {@code end} empty while it still runs. */
    private record Segment(Instant start, Optional<Instant> end) {
    }

    /** The stretches in which the ticket was new or assigned, from its status changes in the log. */
    private static List<Segment> running(Ticket ticket, List<TicketEvent> events, Instant now) {
        List<Segment> segments = new ArrayList<>();
        Instant start = ticket.created();
        boolean runs = true;
        for (TicketEvent e : events) {
            if (!isStatusChange(e) || e.at().isAfter(now)) {
                continue;
            }
            boolean nowRuns = e.to().flatMap(Status::fromCode).map(Promises::counts).orElse(runs);
            if (runs && !nowRuns) {
                segments.add(new Segment(start, Optional.of(e.at())));
            } else if (!runs && nowRuns) {
                start = e.at();
            }
            runs = nowRuns;
        }
        if (runs) {
            segments.add(new Segment(start, Optional.empty()));
        }
        return segments;
    }

    private static boolean isStatusChange(TicketEvent e) {
        return e.type().equals("status") || e.type().equals("reopened");
    }

    private static boolean counts(Status status) {
        return status == Status.NEW || status == Status.ASSIGNED;
    }

    private Duration used(List<Segment> segments, Instant until) {
        Duration total = Duration.ZERO;
        for (Segment s : segments) {
            Instant end = s.end().filter(e -> e.isBefore(until)).orElse(until);
            total = total.plus(clock.between(s.start(), end));
        }
        return total;
    }

    /**
     * The instant the running time reaches {@code amount}. When the clock stopped before, a ticket that is done
     * gets the instant it would have been reached had the clock run on; a waiting one gets none.
     */
    private Optional<Instant> reached(List<Segment> segments, Duration amount, boolean paused) {
        Duration left = amount;
        Optional<Instant> lastEnd = Optional.empty();
        for (Segment s : segments) {
            if (s.end().isEmpty()) {
                return Optional.of(clock.plus(s.start(), left));
            }
            Duration length = clock.between(s.start(), s.end().get());
            if (left.compareTo(length) <= 0) {
                return Optional.of(clock.plus(s.start(), left));
            }
            left = left.minus(length);
            lastEnd = s.end();
        }
        Duration rest = left;
        return paused ? Optional.empty() : lastEnd.map(end -> clock.plus(end, rest));
    }
}
