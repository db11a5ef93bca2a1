package org.guichet.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Eight tickets whose statistics are computed by hand in {@link TicketStatisticsIT}, dated relative to
 * {@code now}: the rows a helpdesk's life would leave, written straight into the tables.
 */
public final class StatsDataSet {
    private final Instant now;
    private final Connection connection;

    private StatsDataSet(Connection connection, Instant now) {
        this.connection = connection;
        this.now = now;
    }

    public static void insert(Database database, Instant now) {
        database.inTransaction(c -> {
            new StatsDataSet(c, now).insertAll();
            return null;
        });
    }

    private void insertAll() {
        ticket(1, "Network", "it", "high", "resolved", "alice@helpdesk.test", days(20), hours(1), hours(10));
        ticket(2, "Network", "it", "normal", "assigned", "alice@helpdesk.test", days(3), hours(2), null);
        ticket(3, "Network", "it", "normal", "new", null, days(1), null, null);
        ticket(4, "Payroll", "admin", "low", "closed", "bob@helpdesk.test", days(10), Duration.ofMinutes(30), hours(4));
        ticket(5, "Payroll", "admin", "normal", "waiting", "bob@helpdesk.test", days(2), hours(3), null);
        ticket(6, "Unsorted", "it", "very-high", "cancelled", null, days(12), null, null);
        // resolved, then reopened twice by the requester: it counts once in the reopen rate
        ticket(7, "Network", "it", "normal", "assigned", "alice@helpdesk.test", days(6), hours(4), hours(5));
        event(7, "reopened", days(6).minus(hours(6)));
        event(7, "reopened", days(6).minus(hours(8)));
        ticket(8, "Payroll", "admin", "normal", "resolved", "bob@helpdesk.test", days(9), hours(1), hours(2));
        event(8, "reopened", days(9).minus(hours(3)));
        event(8, "status", days(9).minus(hours(4)));
        // issue 14: two Wi-Fi tickets, and when each ticket first had an assignee (ticket 1 changed hands later)
        run("UPDATE ticket SET subcategory = 'Wi-Fi' WHERE id IN (1, 2)");
        assigned(1, days(20).minus(Duration.ofMinutes(30)), "bob@helpdesk.test");
        assigned(1, days(20).minus(hours(5)), "alice@helpdesk.test");
        assigned(2, days(3).minus(hours(1)), "alice@helpdesk.test");
        assigned(4, days(10).minus(Duration.ofMinutes(10)), "bob@helpdesk.test");
        assigned(5, days(2).minus(hours(2)), "bob@helpdesk.test");
    }

    private void assigned(long ticket, Duration age, String agent) {
        run("INSERT INTO ticket_event (ticket_id, at, actor, type, new_value) VALUES (?, ?, ?, 'assignee', ?)", ticket,
                at(now.minus(age)), agent, agent);
    }

    private static Duration days(int n) {
        return Duration.ofDays(n);
    }

    private static Duration hours(int n) {
        return Duration.ofHours(n);
    }

    /** A ticket created {@code age} before now, answered and resolved that long after its creation. */
    private void ticket(long id, String category, String service, String priority, String status, String assignee,
            Duration age, Duration firstResponse, Duration resolution) {
        Instant created = now.minus(age);
        run("INSERT INTO ticket (id, subject, requester_address, requester_name, category, service, priority, status,"
                + " assignee, created_at, updated_at, first_response_at, resolved_at)"
                + " VALUES (?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, "Ticket " + id, "user" + id + "@example.org",
                category, service, priority, status, assignee, at(created), at(created),
                firstResponse == null ? null : at(created.plus(firstResponse)),
                resolution == null ? null : at(created.plus(resolution)));
    }

    private void event(long ticket, String type, Duration age) {
        run("INSERT INTO ticket_event (ticket_id, at, actor, type) VALUES (?, ?, 'user@example.org', ?)", ticket,
                at(now.minus(age)), type);
    }

    private static Object at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private void run(String sql, Object... params) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
