package org.guichet.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The outbox as the notification sender and the {@code outbox} command see it. */
public final class Outbox {
    private final Database database;

    public Outbox(Database database) {
        this.database = database;
    }

    public List<OutboxEntry> due(Instant now, int limit) {
        return database.inTransaction(c -> new OutboxRows(new Sql(c)).due(now, limit));
    }

    /**
     * Sends one due notification as this instance alone: the row stays locked while {@code send} runs, and what
     * {@code send} records through the claim is committed with the lock's release. Empty when the notification
     * was sent meanwhile or another instance is sending it.
     */
    public <T> Optional<T> claim(OutboxEntry entry, Instant now, Function<Claim, T> send) {
        return database.inTransaction(c -> {
            OutboxRows rows = new OutboxRows(new Sql(c));
            return rows.claim(entry.id(), now) ? Optional.of(send.apply(new Claim(entry, rows, now))) : Optional.empty();
        });
    }

    /**
     * A notification this instance is sending: what became of it is recorded in the claim's transaction, with a
     * {@code delivery} event on the notification's ticket.
     */
    public static final class Claim {
        private final OutboxEntry entry;
        private final OutboxRows rows;
        private final Instant claimed;

        private Claim(OutboxEntry entry, OutboxRows rows, Instant claimed) {
            this.entry = entry;
            this.rows = rows;
            this.claimed = claimed;
        }

        public OutboxEntry entry() {
            return entry;
        }

        public void sent(Instant now) {
            rows.markSent(entry.id(), now);
            rows.logDelivery(entry.id(), "sent", Optional.empty(), now);
        }

        public void retry(String error, Instant next) {
            rows.markRetry(entry.id(), error, next);
            rows.logDelivery(entry.id(), "deferred", Optional.of(error), claimed);
        }

        public void failed(String error) {
            rows.markFailed(entry.id(), error);
            rows.logDelivery(entry.id(), "failed", Optional.of(error), claimed);
        }
    }

    public List<OutboxEntry> unsent() {
        return database.inTransaction(c -> new OutboxRows(new Sql(c)).unsent());
    }

    /** Puts the failed notifications back in the queue and makes every waiting one due now; returns how many. */
    public int retryNow(Instant now) {
        return database.inTransaction(c -> new OutboxRows(new Sql(c)).retryNow(now));
    }
}
