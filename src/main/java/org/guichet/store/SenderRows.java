package org.guichet.store;

import java.time.Instant;
import java.util.Optional;

/** What protects people from loops: addresses that bounced, and senders told they opened too many tickets. */
final class SenderRows {
    private final Sql sql;

    SenderRows(Sql sql) {
        this.sql = sql;
    }

    void markUndeliverable(long ticketId, String address, String status, Instant now) {
        if (isUndeliverable(ticketId, address)) {
            return;
        }
        sql.update("INSERT INTO undeliverable (ticket_id, address, status, at) VALUES (?, ?, ?, ?)",
                ticketId, address, MessageRows.bounded(status, 20), now);
    }

    boolean isUndeliverable(long ticketId, String address) {
        return sql.one("SELECT 1 FROM undeliverable WHERE ticket_id = ? AND address = ?", rs -> true, ticketId, address)
                .isPresent();
    }

    int ticketsOpenedSince(String requester, Instant since) {
        return sql.one("SELECT COUNT(*) FROM ticket WHERE requester_address = ? AND created_at >= ?",
                rs -> rs.getInt(1), requester, since).orElse(0);
    }

    Optional<Instant> lastWarning(String address) {
        return sql.one("SELECT at FROM sender_warning WHERE address = ?", rs -> Sql.instant(rs, "at"), address);
    }

    void recordWarning(String address, Instant now) {
        if (sql.update("UPDATE sender_warning SET at = ? WHERE address = ?", now, address) == 0) {
            sql.update("INSERT INTO sender_warning (address, at) VALUES (?, ?)", address, now);
        }
    }
}
