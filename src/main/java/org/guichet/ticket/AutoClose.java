package org.guichet.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The daily job: a ticket resolved {@code tickets.auto-close-days} ago, with no answer since, closes by itself. */
public final class AutoClose {
    private final TicketStore store;
    private final TicketActions actions;
    private final ChangeRecorder recorder;
    private final Duration after;
    private final Clock clock;

    public AutoClose(TicketStore store, TicketActions actions, ChangeRecorder recorder, int days, Clock clock) {
        this.store = store;
        this.actions = actions;
        this.recorder = recorder;
        this.after = Duration.ofDays(days);
        this.clock = clock;
    }

    /** Closes what is due; returns how many tickets were closed. */
    public int run() {
        Instant now = clock.instant();
        return store.inTransaction(tx -> {
            List<Ticket> due = tx.resolvedBefore(now.minus(after));
            int closed = 0;
            for (Ticket t : due) {
                Outcome outcome = actions.changeStatus(t, Status.CLOSED, Actor.system(), now);
                recorder.record(tx, outcome, now);
                closed += outcome.refusal().isEmpty() ? 1 : 0;
            }
            return closed;
        });
    }
}
