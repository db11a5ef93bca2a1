package org.guichet.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The figures of /health, /metrics and {@code guichet status} that the database holds, read in one transaction. */
public final class OperationsFigures {
    private static final String[] STATUSES = {"new", "assigned", "waiting", "resolved", "closed", "cancelled"};
    private final Database database;

    public OperationsFigures(Database database) {
        this.database = database;
    }

    /** One reading: tickets by status, the received mails and the outbox. */
    public record Figures(Map<String, Long> ticketsByStatus, long mailsHandled, long mailsQuarantined,
            Optional<Instant> lastMailHandled, long notificationsSent, long notificationsFailed, long outboxWaiting,
            Optional<Instant> oldestWaiting, long purgedTickets) {
    }

    public Figures read() {
        return database.inTransaction(c -> {
            Sql sql = new Sql(c);
            Map<String, Long> byStatus = new LinkedHashMap<>();
            for (String status : STATUSES) {
                byStatus.put(status, 0L);
            }
            sql.list("SELECT status, COUNT(*) FROM ticket GROUP BY status", rs -> byStatus.put(rs.getString(1),
                    rs.getLong(2)));
            Map<String, Long> mails = counts(sql, "SELECT status, COUNT(*) FROM inbound_mail GROUP BY status");
            Map<String, Long> outbox = counts(sql, "SELECT status, COUNT(*) FROM outbox GROUP BY status");
            Optional<Instant> lastHandled = sql.one("SELECT MAX(handled_at) AS at FROM inbound_mail",
                    rs -> Optional.ofNullable(Sql.instant(rs, "at"))).flatMap(o -> o);
            Optional<Instant> oldest = sql.one("SELECT MIN(created_at) AS at FROM outbox WHERE status = 'pending'",
                    rs -> Optional.ofNullable(Sql.instant(rs, "at"))).flatMap(o -> o);
            long purged = sql.one("SELECT COALESCE(SUM(tickets), 0) FROM purge_log", rs -> rs.getLong(1)).orElse(0L);
            return new Figures(byStatus, mails.getOrDefault("handled", 0L), mails.getOrDefault("quarantined", 0L),
                    lastHandled, outbox.getOrDefault("sent", 0L), outbox.getOrDefault("failed", 0L),
                    outbox.getOrDefault("pending", 0L), oldest, purged);
        });
    }

    /** Whether the database answers a trivial query. */
    public String ping() {
        database.inTransaction(c -> new Sql(c).one("SELECT 1", rs -> rs.getInt(1)));
        return database.safeUrl() + " answers";
    }

    private static Map<String, Long> counts(Sql sql, String query) {
        Map<String, Long> counts = new LinkedHashMap<>();
        sql.list(query, rs -> counts.put(rs.getString(1), rs.getLong(2)));
        return counts;
    }
}
