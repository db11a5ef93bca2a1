package org.guichet.ticket;

import java.time.Instant;

/** The one place a change is recorded: the ticket saved, its log lines written, its audience told. */
public final class ChangeRecorder {
    private final Notifier notifier;

    public ChangeRecorder(Notifier notifier) {
        this.notifier = notifier;
    }

    /** Records the outcome's change, if it made one; returns the ticket after it. */
    public Ticket record(TicketTx tx, Outcome outcome, Instant now) {
        outcome.change().ifPresent(change -> record(tx, change, now));
        return outcome.ticket();
    }

    public void record(TicketTx tx, Change change, Instant now) {
        tx.save(change.ticket());
        change.log().forEach(e -> tx.insertEvent(change.ticket().id(), e));
        notifier.tell(tx, change.event(), change.ticket(), change.actor(), change.subject(),
                Notices.Content.of(change.facts()), now);
    }
}
