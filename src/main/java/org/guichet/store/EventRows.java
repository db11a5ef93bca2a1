package org.guichet.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guichet.ticket.TicketEvent;

/** The event log of tickets. */
final class EventRows {
    private final Sql sql;

    EventRows(Sql sql) {
        this.sql = sql;
    }

    void insert(long ticketId, TicketEvent e) {
        sql.insert("INSERT INTO ticket_event (ticket_id, at, actor, type, old_value, new_value, detail)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", ticketId, e.at(), MessageRows.bounded(e.actor(), 320), e.type(),
                e.from().map(v -> MessageRows.bounded(v, 1000)), e.to().map(v -> MessageRows.bounded(v, 1000)),
                MessageRows.bounded(e.detail(), 2000));
    }

    List<TicketEvent> of(long ticketId) {
        return sql.list("SELECT * FROM ticket_event WHERE ticket_id = ? ORDER BY id", EventRows::event, ticketId);
    }

    /** The logs of the tickets from {@code firstId} to {@code lastId}, by ticket, each oldest first. */
    Map<Long, List<TicketEvent>> ofRange(long firstId, long lastId) {
        Map<Long, List<TicketEvent>> logs = new HashMap<>();
        sql.list("SELECT * FROM ticket_event WHERE ticket_id BETWEEN ? AND ? ORDER BY ticket_id, id", rs -> logs
                .computeIfAbsent(rs.getLong("ticket_id"), id -> new ArrayList<>()).add(event(rs)), firstId, lastId);
        return logs;
    }

    private static TicketEvent event(ResultSet rs) throws SQLException {
        return new TicketEvent(Sql.instant(rs, "at"), rs.getString("actor"), rs.getString("type"),
                Optional.ofNullable(rs.getString("old_value")), Optional.ofNullable(rs.getString("new_value")),
                Optional.ofNullable(rs.getString("detail")).orElse(""));
    }
}
