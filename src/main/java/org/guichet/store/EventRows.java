package org.guichet.store;

import java.util.List;
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
        return sql.list("SELECT * FROM ticket_event WHERE ticket_id = ? ORDER BY id",
                rs -> new TicketEvent(Sql.instant(rs, "at"), rs.getString("actor"), rs.getString("type"),
                        Optional.ofNullable(rs.getString("old_value")), Optional.ofNullable(rs.getString("new_value")),
                        Optional.ofNullable(rs.getString("detail")).orElse("")), ticketId);
    }
}
