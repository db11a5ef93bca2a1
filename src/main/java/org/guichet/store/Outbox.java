package org.guichet.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The outbox as the notification sender and the {@code outbox} command see it. */
public final class Outbox {
    private final Database database;

    public Outbox(Database database) {
        this.database = database;
    }

    public List<OutboxEntry> due(Instant now, int limit) {
        return database.inTransaction(c -> new OutboxRows(new Sql(c)).due(now, limit));
    }

    public List<OutboxEntry> unsent() {
        return database.inTransaction(c -> new OutboxRows(new Sql(c)).unsent());
    }

    public void markSent(long id, Instant now) {
        database.inTransaction(c -> {
            OutboxRows rows = new OutboxRows(new Sql(c));
            rows.markSent(id, now);
            rows.logDelivery(id, "sent", Optional.empty(), now);
            return null;
        });
    }

    public void markRetry(long id, String error, Instant next) {
        database.inTransaction(c -> {
            new OutboxRows(new Sql(c)).markRetry(id, error, next);
            return null;
        });
    }

    /** A delivery that failed for now, logged on the notification's ticket with the server's words. */
    public void markRetry(long id, String error, Instant next, Instant now) {
        database.inTransaction(c -> {
            OutboxRows rows = new OutboxRows(new Sql(c));
            rows.markRetry(id, error, next);
            rows.logDelivery(id, "deferred", Optional.of(error), now);
            return null;
        });
    }

    /** A delivery that failed for good, logged on the notification's ticket with the server's words. */
    public void markFailed(long id, String error, Instant now) {
        database.inTransaction(c -> {
            OutboxRows rows = new OutboxRows(new Sql(c));
            rows.markFailed(id, error);
            rows.logDelivery(id, "failed", Optional.of(error), now);
            return null;
        });
    }

    public void markFailed(long id, String error) {
        database.inTransaction(c -> {
            new OutboxRows(new Sql(c)).markFailed(id, error);
            return null;
        });
    }

    /** Puts the failed notifications back in the queue and makes every waiting one due now; returns how many. */
    public int retryNow(Instant now) {
        return database.inTransaction(c -> new OutboxRows(new Sql(c)).retryNow(now));
    }
}
