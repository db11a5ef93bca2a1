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

    public List<OutboxEntry> all(Optional<String> status) {
        return database.inTransaction(c -> new OutboxRows(new Sql(c)).all(status));
    }

    public void markSent(long id, Instant now) {
        database.inTransaction(c -> {
            new OutboxRows(new Sql(c)).markSent(id, now);
            return null;
        });
    }

    public void markRetry(long id, String error, Instant next) {
        database.inTransaction(c -> {
            new OutboxRows(new Sql(c)).markRetry(id, error, next);
            return null;
        });
    }

    public void markFailed(long id, String error) {
        database.inTransaction(c -> {
            new OutboxRows(new Sql(c)).markFailed(id, error);
            return null;
        });
    }

    /** Puts every failed notification back in the queue; returns how many. */
    public int retryFailed(Instant now) {
        return database.inTransaction(c -> new OutboxRows(new Sql(c)).retryFailed(now));
    }
}
