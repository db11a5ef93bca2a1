package org.guichet.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.guichet.ticket.MailOrigin;
import org.guichet.ticket.MailRecord;

/** The received mails: the table that makes intake idempotent. */
final class MailRows {
    private final Sql sql;

    MailRows(Sql sql) {
        this.sql = sql;
    }

    Optional<MailRecord> find(String key) {
        return sql.one("SELECT id, mail_key, status, attempts, ticket_id FROM inbound_mail WHERE mail_key = ?",
                MailRows::record, key);
    }

    MailRecord recordAttempt(String key, String sha256, long size, MailOrigin source, Instant now) {
        Optional<MailRecord> known = find(key);
        if (known.isEmpty()) {
            sql.insert("INSERT INTO inbound_mail (mail_key, raw_sha256, raw_size, folder, uid_validity, uid, status,"
                    + " attempts, received_at) VALUES (?, ?, ?, ?, ?, ?, 'received', 1, ?)",
                    key, sha256, size, source.folder(), source.uidValidity(), source.uid(), now);
        } else if (known.get().state() != MailRecord.State.HANDLED) {
            sql.update("UPDATE inbound_mail SET attempts = attempts + 1, folder = ?, uid_validity = ?, uid = ?"
                    + " WHERE id = ?", source.folder(), source.uidValidity(), source.uid(), known.get().id());
        }
        return find(key).orElseThrow();
    }

    void markHandled(long id, Optional<Long> ticket, Instant now) {
        sql.update("UPDATE inbound_mail SET status = 'handled', ticket_id = ?, handled_at = ?, last_error = NULL"
                + " WHERE id = ?", ticket, now, id);
    }

    void markFailed(long id, String error, boolean quarantined, Instant now) {
        String bounded = error.length() > 2000 ? error.substring(0, 2000) : error;
        sql.update("UPDATE inbound_mail SET last_error = ?, status = ?, quarantined_at = ? WHERE id = ?",
                bounded, quarantined ? "quarantined" : "received", quarantined ? Optional.of(now) : Optional.empty(), id);
    }

    List<QuarantinedMail> quarantined() {
        return sql.list("SELECT * FROM inbound_mail WHERE status = 'quarantined' ORDER BY id", MailRows::quarantined);
    }

    Optional<QuarantinedMail> quarantined(long id) {
        return sql.one("SELECT * FROM inbound_mail WHERE status = 'quarantined' AND id = ?", MailRows::quarantined, id);
    }

    /** Gives a quarantined mail a fresh count of attempts, so that it is handled as a new arrival. */
    void resetAttempts(long id) {
        sql.update("UPDATE inbound_mail SET attempts = 0 WHERE id = ?", id);
    }

    private static QuarantinedMail quarantined(ResultSet rs) throws SQLException {
        return new QuarantinedMail(rs.getLong("id"), rs.getString("mail_key"), Sql.instant(rs, "received_at"),
                Sql.optionalInstant(rs, "quarantined_at"), rs.getLong("raw_size"),
                Optional.ofNullable(rs.getString("raw_sha256")), rs.getInt("attempts"),
                Optional.ofNullable(rs.getString("last_error")).orElse(""));
    }

    private static MailRecord record(ResultSet rs) throws SQLException {
        long ticket = rs.getLong("ticket_id");
        Optional<Long> ticketId = rs.wasNull() ? Optional.empty() : Optional.of(ticket);
        return new MailRecord(rs.getLong("id"), rs.getString("mail_key"),
                MailRecord.State.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), rs.getInt("attempts"),
                ticketId);
    }
}
