package org.guichet.sla;

import java.time.Clock;
import org.guichet.config.GuichetConfig;
import org.guichet.ticket.ChangeRecorder;
import org.guichet.ticket.Notifier;
import org.guichet.ticket.TicketActions;
import org.guichet.ticket.TicketStore;

/**
 * The time-driven jobs of one scheduler tick, each reading what is due from the database: promise reminders and
 * escalations, waiting tickets, the morning digest. Built once; safe to run as often as the scheduler likes.
 */
public final class Timekeeper {
    private final Reminders reminders;
    private final WaitingTickets waiting;
    private final Digest digest;

    public Timekeeper(GuichetConfig config, TicketStore store, Notifier notifier, Clock clock) {
        Promises promises = new Promises(config.sla());
        ChangeRecorder recorder = new ChangeRecorder(notifier);
        this.reminders = new Reminders(store, promises, recorder, config.sla().calendar().zone(), clock);
        this.waiting = new WaitingTickets(store, new TicketActions(config), recorder, config.tickets(),
                config.sla().calendar().zone(), clock);
        this.digest = new Digest(config, store, promises, notifier, clock);
    }

    /** Runs every job once; returns how many notifications or changes they made. */
    public int run() {
        return reminders.run() + waiting.run() + digest.run();
    }
}
