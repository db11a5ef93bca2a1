package org.guichet.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.guichet.DaemonThreads;
import org.guichet.store.TicketStats.AgentLoad;
import org.guichet.store.TicketStats.CategoryGrowth;
import org.guichet.store.TicketStats.Delays;
import org.guichet.store.TicketStats.Growth;
import org.guichet.store.TicketStats.SubcategoryStats;

/**
 * Computes {@link TicketStats} in the database: every count, percentile and rate is one aggregate query, so
 * that a million tickets never cross into Java (V6 adds the delay columns, V120 the indexes these queries read).
 */
public final class TicketStatistics {
    /** Without --since, the growth compares the last seven days with the seven before. */
    private static final Duration DEFAULT_WINDOW = Duration.ofDays(7);
    private static final int FASTEST_GROWING = 5;
    private static final String OPEN = "t.status IN ('new', 'assigned', 'waiting')";
    private final Database database;

    public TicketStatistics(Database database) {
        this.database = database;
    }

    /**
     * The statistics of the tickets created since then (all tickets when empty), as of {@code now}. The open
     * load per agent is always the load of the moment, whatever their tickets' age.
     *
     * <p>The queries are independent (on H2 the delays take their counts from the scan once both are done): they
     * run side by side, each on a connection of its own, as many at a time as there are cores (at most four), the
     * scan first. Each reads a snapshot of its own, so tickets created while {@code stats} runs may be counted by
     * some figures and not by others. On a million tickets the scan is the longest (0.8 s warm on the development
     * machine), and the delays, the reopenings and the rest (0.4 s together) now run beside it.
     */
    public TicketStats compute(Optional<Instant> since, Instant now) {
        boolean byOffset = database.vendor() == Database.Vendor.POSTGRESQL;
        Period period = new Period(since);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(4,
                Runtime.getRuntime().availableProcessors())), DaemonThreads.named("guichet-stats"));
        try {
            Future<TicketCounts> scan = query(pool, sql -> TicketCounts.scan(sql, period.where(), period.params()));
            // on H2 the delays do not need the scan's counts: they run beside it, and take its counts afterwards
            Future<Delays> firstResponse = byOffset ? null
                    : query(pool, sql -> delays(sql, period, "first_response_ms", 0, false));
            Future<Delays> resolution = byOffset ? null
                    : query(pool, sql -> delays(sql, period, "resolution_ms", 0, false));
            Future<List<SubcategoryStats>> subcategories = query(pool, sql -> bySubcategory(sql, period));
            Future<Delays> takeInCharge = query(pool, sql -> takeInCharge(sql, period));
            Future<Long> reopened = query(pool, sql -> reopened(sql, period));
            Future<Growth> growth = query(pool, sql -> growth(sql, since, now));
            // the scan of every ticket has the open load already; a scan of a period has only its own tickets
            Future<Optional<List<AgentLoad>>> openNow = query(pool, sql -> since.isEmpty() ? Optional.empty()
                    : Optional.of(openByAgent(sql)));
            TicketCounts counts = result(scan);
            Delays fr = byOffset ? result(query(pool, sql -> delays(sql, period, "first_response_ms", counts.answered(),
                    true))) : counted(result(firstResponse), counts.answered());
            Delays rs = byOffset ? result(query(pool, sql -> delays(sql, period, "resolution_ms", counts.resolved(),
                    true))) : counted(result(resolution), counts.resolved());
            return new TicketStats(now, since, counts.total(), counts.by("status"), counts.by("category"),
                    counts.by("service"), counts.by("priority"), fr, rs, result(reopened),
                    result(openNow).orElse(counts.openByAgent()), result(growth), result(subcategories),
                    result(takeInCharge), counts.handledByAgent());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Delays counted(Delays delays, long count) {
        return new Delays(count, delays.median(), delays.p90());
    }

    private <T> Future<T> query(ExecutorService pool, Function<Sql, T> query) {
        return pool.submit(() -> database.inTransaction(c -> query.apply(new Sql(c))));
    }

    /** The query's result, or its failure as it was thrown (a {@link StoreException} for the database's). */
    private static <T> T result(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while computing the statistics", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new StoreException("computing the statistics failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Count and median delays of each subcategory, most tickets first. {@code >= ''} holds for every subcategory
     * and, unlike IS NOT NULL, is a range of the subcategory index: the tickets without one are never read.
     */
    private static List<SubcategoryStats> bySubcategory(Sql sql, Period period) {
        return sql.list("SELECT t.category, t.subcategory, COUNT(*) AS n,"
                + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY t.first_response_ms) AS fr,"
                + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY t.resolution_ms) AS rs"
                + " FROM ticket t WHERE t.subcategory >= ''" + period.and()
                + " GROUP BY t.category, t.subcategory ORDER BY n DESC, t.category, t.subcategory",
                rs -> new SubcategoryStats(rs.getString("category"), rs.getString("subcategory"), rs.getLong("n"),
                        millis(rs.getObject("fr")), millis(rs.getObject("rs"))), period.params());
    }

    /**
     * Time to take in charge: from a ticket's creation to the first time it had an assignee (by #take, #assign or
     * #status assigned), median and 90th percentile. Epoch seconds, which H2 and PostgreSQL both read alike.
     */
    private static Delays takeInCharge(Sql sql, Period period) {
        return sql.one("SELECT COUNT(d) AS n, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY d) AS median,"
                + " PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY d) AS p90 FROM (SELECT"
                + " (EXTRACT(EPOCH FROM MIN(e.at)) - EXTRACT(EPOCH FROM t.created_at)) * 1000 AS d"
                + " FROM ticket t JOIN ticket_event e ON e.ticket_id = t.id WHERE e.type = 'assignee'"
                + " AND e.new_value IS NOT NULL" + period.and() + " GROUP BY t.id, t.created_at) x",
                rs -> new Delays(rs.getLong("n"), millis(rs.getObject("median")), millis(rs.getObject("p90"))),
                period.params()).orElse(Delays.none());
    }

    /** The optional lower bound on creation, as a condition and its parameters. */
    private record Period(Optional<Instant> since) {
        String and() {
            return since.isPresent() ? " AND t.created_at >= ?" : "";
        }

        String where() {
            return since.isPresent() ? " WHERE t.created_at >= ?" : "";
        }

        Object[] params() {
            return since.map(s -> new Object[] {s}).orElse(new Object[0]);
        }

    }

    /**
     * Median and 90th percentile of a delay column. Without --since the query has no condition, which lets H2
     * read both straight from the column's index; with it, the tickets since then are read from the stats index.
     */
    private static Delays delays(Sql sql, Period period, String column, long count, boolean byOffset) {
        if (byOffset && period.since().isEmpty() && count > 0) {
            return new Delays(count, percentile(sql, column, count, 0.5), percentile(sql, column, count, 0.9));
        }
        return sql.one("SELECT PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY t." + column + ") AS median,"
                + " PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY t." + column + ") AS p90 FROM ticket t" + period.where(),
                rs -> new Delays(count, millis(rs.getObject("median")), millis(rs.getObject("p90"))),
                period.params()).orElse(Delays.none());
    }

    /**
     * PostgreSQL sorts every value for PERCENTILE_CONT, where its index holds them in order already: the two values
     * around the percentile's position are read from the index, and interpolated as PERCENTILE_CONT does.
     */
    private static Optional<Duration> percentile(Sql sql, String column, long count, double p) {
        double position = p * (count - 1);
        long lower = (long) Math.floor(position);
        List<Long> values = sql.list("SELECT t." + column + " FROM ticket t WHERE t." + column + " IS NOT NULL ORDER BY t."
                + column + " OFFSET ? LIMIT 2", rs -> rs.getLong(1), lower);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        double low = values.get(0);
        double high = values.size() > 1 ? values.get(1) : low;
        return millis(low + (position - lower) * (high - low));
    }

    private static Optional<Duration> millis(Object value) {
        return value == null ? Optional.empty()
                : Optional.of(Duration.ofMillis(Math.round(((Number) value).doubleValue())));
    }

    private static long reopened(Sql sql, Period period) {
        String join = period.since().isPresent() ? " JOIN ticket t ON t.id = e.ticket_id" : "";
        return sql.one("SELECT COUNT(DISTINCT e.ticket_id) FROM ticket_event e" + join + " WHERE e.type = 'reopened'"
                + period.and(), rs -> rs.getLong(1), period.params()).orElse(0L);
    }

    private static List<AgentLoad> openByAgent(Sql sql) {
        return sql.list("SELECT t.assignee, COUNT(*) AS n FROM ticket t WHERE " + OPEN
                + " GROUP BY t.assignee ORDER BY n DESC, t.assignee NULLS LAST",
                rs -> new AgentLoad(Optional.ofNullable(rs.getString("assignee")), rs.getLong("n")));
    }

    /**
     * The categories whose count grew most from the previous window to the recent one: the recent window runs
     * from --since to now (the last seven days without it), the previous one is as long and ends where it starts.
     */
    private static Growth growth(Sql sql, Optional<Instant> since, Instant now) {
        Instant from = since.orElse(now.minus(DEFAULT_WINDOW));
        Instant previousFrom = from.minus(Duration.between(from, now));
        List<CategoryGrowth> fastest = sql.list("SELECT category, recent, previous FROM (SELECT t.category,"
                + " SUM(CASE WHEN t.created_at >= ? THEN 1 ELSE 0 END) AS recent,"
                + " SUM(CASE WHEN t.created_at < ? THEN 1 ELSE 0 END) AS previous"
                + " FROM ticket t WHERE t.created_at >= ? AND t.created_at < ? GROUP BY t.category) g"
                + " WHERE recent > previous ORDER BY recent - previous DESC, recent DESC, category LIMIT ?",
                rs -> new CategoryGrowth(rs.getString("category"), rs.getLong("recent"), rs.getLong("previous")),
                from, from, previousFrom, now, FASTEST_GROWING);
        return new Growth(from, now, previousFrom, fastest);
    }
}
