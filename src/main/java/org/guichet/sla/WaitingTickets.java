package org.guichet.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guichet.config.Tickets;
import org.guichet.ticket.Actor;
import org.guichet.ticket.Change;
import org.guichet.ticket.ChangeRecorder;
import org.guichet.ticket.Event;
import org.guichet.ticket.Outcome;
import org.guichet.ticket.Status;
import org.guichet.ticket.Ticket;
import org.guichet.ticket.TicketActions;
import org.guichet.ticket.TicketEvent;
import org.guichet.ticket.TicketStore;
import org.guichet.ticket.TicketTx;

/**
 * The scheduler's check of tickets waiting on their requester: after {@code tickets.waiting-reminder-days} the
 * requester is reminded once, after {@code tickets.waiting-close-days} the ticket is resolved by itself (calendar
 * days, counted from the moment it last started waiting). The log says what was done; nothing is kept in memory.
 */
public final class WaitingTickets {
    static final String TYPE = "waiting-reminder";
    private static final String SYSTEM = "guichet";
    private final TicketStore store;
    private final TicketActions actions;
    private final ChangeRecorder recorder;
    private final Duration remindAfter;
    private final Duration resolveAfter;
    private final DateTimeFormatter format;
    private final Clock clock;

    public WaitingTickets(TicketStore store, TicketActions actions, ChangeRecorder recorder, Tickets tickets,
            ZoneId zone, Clock clock) {
        this.store = store;
        this.actions = actions;
        this.recorder = recorder;
        this.remindAfter = Duration.ofDays(tickets.waitingReminderDays());
        this.resolveAfter = Duration.ofDays(tickets.waitingCloseDays());
        this.format = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(zone);
        this.clock = clock;
    }

    /** Reminds and resolves what is due; returns how many tickets were reminded or resolved. */
    public int run() {
        Instant now = clock.instant();
        return store.inTransaction(tx -> {
            int done = 0;
            for (Ticket t : tx.unfinished()) {
                if (t.status() == Status.WAITING) {
                    done += check(tx, t, now);
                }
            }
            return done;
        });
    }

    private int check(TicketTx tx, Ticket t, Instant now) {
        List<TicketEvent> events = tx.events(t.id());
        Instant since = waitingSince(t, events);
        if (!now.isBefore(since.plus(resolveAfter))) {
            Outcome outcome = actions.changeStatus(t, Status.RESOLVED, Actor.system(), now);
            recorder.record(tx, outcome, now);
            return outcome.refusal().isEmpty() ? 1 : 0;
        }
        boolean reminded = events.stream().anyMatch(e -> e.type().equals(TYPE) && !e.at().isBefore(since));
        if (reminded || now.isBefore(since.plus(remindAfter))) {
            return 0;
        }
        String closesOn = format.format(since.plus(resolveAfter));
        recorder.record(tx, new Change(t, List.of(TicketEvent.of(now, SYSTEM, TYPE, "the requester was reminded"
                + " after " + remindAfter.toDays() + " days waiting; resolved by itself on " + closesOn
                + " without an answer")), Event.WAITING_REMINDER, SYSTEM, Optional.empty(),
                Map.of("since", format.format(since), "closesOn", closesOn)), now);
        return 1;
    }

    /** When the ticket last became waiting: its last status change to waiting in the log. */
    private static Instant waitingSince(Ticket t, List<TicketEvent> events) {
        Instant since = t.updated();
        for (TicketEvent e : events) {
            if ((e.type().equals("status") || e.type().equals("reopened"))
                    && e.to().filter(Status.WAITING.code()::equals).isPresent()) {
                since = e.at();
            }
        }
        return since;
    }
}
