package org.guichet.sla;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.guichet.config.Sla;
import org.guichet.ticket.Status;
import org.guichet.ticket.Ticket;
import org.guichet.ticket.TicketDetail;
import org.guichet.ticket.TicketEvent;
import org.guichet.ticket.TicketFilter;
import org.guichet.ticket.TicketStore;
import org.guichet.ticket.TicketSummary;
import org.guichet.ticket.TicketTx;

/**
 * The promises measured, for the command line: one ticket's due times, the late tickets, and the share of tickets
 * that met each target per priority and per service.
 */
public final class ServiceLevels {
    /** Tickets read at a time for the report. */
    private static final int PAGE = 5_000;
    private final TicketStore store;
    private final Sla sla;
    private final Promises promises;
    private final Clock clock;

    public ServiceLevels(Sla sla, TicketStore store, Clock clock) {
        this.store = store;
        this.sla = sla;
        this.promises = new Promises(sla);
        this.clock = clock;
    }

    /** Where this ticket stands now; empty when nothing is promised for it. */
    public Optional<Dues> of(TicketDetail detail) {
        return promises.of(detail.summary().ticket(), detail.events(), clock.instant());
    }

    /** The new, assigned or waiting tickets past a target, highest priority first, then oldest. */
    public List<TicketSummary> overdue(TicketFilter filter) {
        Instant now = clock.instant();
        return store.inTransaction(tx -> tx.list(filter).stream()
                .filter(s -> s.ticket().status() == Status.NEW || s.ticket().status() == Status.ASSIGNED
                        || s.ticket().status() == Status.WAITING)
                .filter(s -> promises.of(s.ticket(), tx.events(s.ticket().id()), now).map(Dues::overdue)
                        .orElse(false))
                .toList());
    }

    /** How often a target was met among the tickets where it is decided. */
    public record Share(long met, long measured) {
        public double rate() {
            return measured == 0 ? 0 : (double) met / measured;
        }

        Share plus(boolean wasMet) {
            return new Share(met + (wasMet ? 1 : 0), measured + 1);
        }
    }

    /** One row of the report: a priority or a service, and its two targets' shares. */
    public record Row(String name, Share takeInCharge, Share resolve) {
    }

    /** The shares per priority (highest first) and per service. */
    public record Report(List<Row> byPriority, List<Row> byService) {
    }

    /**
     * A target is decided once it is met or missed: taken in charge (in time or late), or still untaken past the
     * target; resolved, or still open past it. Cancelled tickets and tickets within time still running are left out.
     */
    public Report report(Optional<Instant> since) {
        if (!sla.enabled()) {
            return new Report(List.of(), List.of()); // nothing promised: no ticket to read (a million took 80 s)
        }
        Instant now = clock.instant();
        return store.inTransaction(tx -> {
            Map<String, Row> priorities = new TreeMap<>();
            Map<String, Row> services = new TreeMap<>();
            // a page of tickets and their logs at a time: two queries a page, one page in memory
            long after = 0;
            for (List<TicketTx.Logged> page = tx.ticketsWithEvents(after, since, PAGE); !page.isEmpty();
                    page = tx.ticketsWithEvents(after, since, PAGE)) {
                for (TicketTx.Logged logged : page) {
                    Ticket t = logged.ticket();
                    if (t.status() != Status.CANCELLED) {
                        measure(t, logged.events(), now).ifPresent(m -> {
                            add(priorities, t.priority().code(), m);
                            add(services, t.service(), m);
                        });
                    }
                }
                after = page.get(page.size() - 1).ticket().id();
            }
            List<Row> byPriority = new ArrayList<>();
            for (String p : Sla.PRIORITIES) {
                Optional.ofNullable(priorities.get(p)).ifPresent(byPriority::add);
            }
            return new Report(byPriority, List.copyOf(services.values()));
        });
    }

    /** Per target: empty when undecided, else whether it was met. */
    private record Measure(Optional<Boolean> take, Optional<Boolean> resolve) {
    }

    private Optional<Measure> measure(Ticket t, List<TicketEvent> events, Instant now) {
        return promises.of(t, events, now).map(d -> new Measure(
                d.taken().isPresent() || d.takeMissed() ? Optional.of(!d.takeMissed()) : Optional.empty(),
                d.resolvedAt().isPresent() || d.resolveMissed() ? Optional.of(!d.resolveMissed()) : Optional.empty()));
    }

    private static void add(Map<String, Row> rows, String key, Measure m) {
        Row row = rows.getOrDefault(key, new Row(key, new Share(0, 0), new Share(0, 0)));
        rows.put(key, new Row(key, m.take().map(row.takeInCharge()::plus).orElse(row.takeInCharge()),
                m.resolve().map(row.resolve()::plus).orElse(row.resolve())));
    }
}
