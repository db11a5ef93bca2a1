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
    private static final int LOCK_TRIES = 15;
    private final Sql sql;

    MailRows(Sql sql) {
        this.sql = sql;
    }

    Optional<MailRecord> find(String key) {
        return sql.one("SELECT id, mail_key, status, attempts, ticket_id, mailbox FROM inbound_mail WHERE mail_key = ?",
                MailRows::record, key);
    }

    /**
     * Records a mail, or counts one more attempt at it. The copies of one mail delivered to two mailboxes may be read
     * at once by two intake threads: the unique key lets one insert, and the other, refused, counts its attempt on
     * the row that won (a savepoint keeps the transaction usable on PostgreSQL, which aborts it on an error).
     */
    MailRecord recordAttempt(String key, String sha256, long size, MailOrigin source, Instant now) {
        Optional<MailRecord> known = find(key);
        Optional<String> mailbox = source.mailbox().isEmpty() ? Optional.empty() : Optional.of(source.mailbox());
        if (known.isEmpty() && !sql.insertUnlessDuplicate("INSERT INTO inbound_mail (mail_key, raw_sha256, raw_size,"
                + " folder, uid_validity, uid, mailbox, status, attempts, received_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, 'received', 1, ?)",
                key, sha256, size, source.folder(), source.uidValidity(), source.uid(), mailbox, now)) {
            known = find(key);
        }
        if (known.isPresent() && known.get().state() != MailRecord.State.HANDLED) {
            sql.update("UPDATE inbound_mail SET attempts = attempts + 1, folder = ?, uid_validity = ?, uid = ?,"
                    + " mailbox = COALESCE(?, mailbox) WHERE id = ?", source.folder(), source.uidValidity(),
                    source.uid(), mailbox, known.get().id());
        }
        return find(key).orElseThrow();
    }

    /**
     * Locks a mail's row until the transaction ends and reads it again: of two threads applying copies of one mail,
     * the second waits for the first and then finds it handled.
     */
    Optional<MailRecord> lock(long id) {
        // H2 gives up waiting for a row lock after 2 s, and only the statement fails: the wait goes on, bounded
        for (int attempt = 1; ; attempt++) {
            try {
                return sql.one("SELECT id, mail_key, status, attempts, ticket_id, mailbox FROM inbound_mail"
                        + " WHERE id = ? FOR UPDATE", MailRows::record, id);
            } catch (StoreException e) {
                if (attempt >= LOCK_TRIES || !Sql.isLockTimeout(e)) {
                    throw e;
                }
            }
        }
    }

    void markHandled(long id, Optional<Long> ticket, Instant now) {
        sql.update("UPDATE inbound_mail SET status = 'handled', ticket_id = ?, handled_at = ?, last_error = NULL"
                + " WHERE id = ?", ticket, now, id);
    }

    void markFailed(long id, String error, boolean quarantined, Instant now) {
        String bounded = error.length() > 2000 ? error.substring(0, 2000) : error;
        // never over a handled mail: the failure of a copy handled meanwhile by another mailbox's intake
        sql.update("UPDATE inbound_mail SET last_error = ?, status = ?, quarantined_at = ? WHERE id = ?"
                + " AND status <> 'handled'",
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
                Optional.ofNullable(rs.getString("last_error")).orElse(""),
                Optional.ofNullable(rs.getString("mailbox")));
    }

    private static MailRecord record(ResultSet rs) throws SQLException {
        long ticket = rs.getLong("ticket_id");
        Optional<Long> ticketId = rs.wasNull() ? Optional.empty() : Optional.of(ticket);
        return new MailRecord(rs.getLong("id"), rs.getString("mail_key"),
                MailRecord.State.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), rs.getInt("attempts"),
                ticketId, Optional.ofNullable(rs.getString("mailbox")));
    }
}
