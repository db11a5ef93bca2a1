package org.guichet.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.guichet.parse.Attachment;
import org.guichet.ticket.OutgoingMail;
import org.guichet.ticket.TicketEvent;

/** The outbox table: notifications written with the change that caused them, until they are delivered. */
final class OutboxRows {
    private final Sql sql;

    OutboxRows(Sql sql) {
        this.sql = sql;
    }

    void insert(OutgoingMail m, Instant now) {
        insert(m, "pending", false, now);
    }

    /**
     * Writes a notification: {@code pending} to be sent, or {@code held} for the next digest; {@code capped} when it
     * counts against the per-ticket cap of automatic answers.
     */
    void insert(OutgoingMail m, String status, boolean capped, Instant now) {
        long id = sql.insert("INSERT INTO outbox (ticket_id, event, recipient, message_id, in_reply_to, references_ids, from_name,"
                + " reply_to, subject, body_text, body_html, auto_submitted, status, attempts, next_attempt_at,"
                + " created_at, capped, mailbox) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)",
                m.ticket(), MessageRows.bounded(m.event(), 200), m.recipient(), m.messageId(), m.inReplyTo(), String.join(" ", m.references()),
                m.fromName(), m.replyTo(), MessageRows.bounded(m.subject(), 1000), m.text(), m.html(),
                m.autoSubmitted(), status, now, now, capped, m.mailbox());
        for (Attachment a : m.attachments()) {
            sql.insert("INSERT INTO outbox_attachment (outbox_id, name, content_type, size, sha256) VALUES (?, ?, ?, ?, ?)",
                    id, a.name(), MessageRows.bounded(a.contentType(), 255), a.size(), a.sha256());
        }
    }

    /** The notifications about this ticket written to go out to this recipient since then (held ones aside). */
    int recent(long ticketId, String recipient, Instant since) {
        return sql.one("SELECT COUNT(*) FROM outbox WHERE ticket_id = ? AND recipient = ? AND created_at >= ?"
                + " AND status NOT IN ('held', 'digested')", rs -> rs.getInt(1), ticketId, recipient, since).orElse(0);
    }

    /** The automatic answers (capped rows) about this ticket written for this recipient since then. */
    int recentCapped(long ticketId, String recipient, Instant since) {
        return sql.one("SELECT COUNT(*) FROM outbox WHERE ticket_id = ? AND recipient = ? AND created_at >= ?"
                + " AND capped", rs -> rs.getInt(1), ticketId, recipient, since).orElse(0);
    }

    /** The notifications written to go out to this recipient since then, about any ticket (held ones aside). */
    int recentTo(String recipient, Instant since) {
        return sql.one("SELECT COUNT(*) FROM outbox WHERE recipient = ? AND created_at >= ?"
                + " AND status NOT IN ('held', 'digested')", rs -> rs.getInt(1), recipient, since).orElse(0);
    }

    /** The same, counted no further than {@code atMost}: a ceiling check reads a few index entries, not all. */
    int recentTo(String recipient, Instant since, int atMost) {
        return sql.one("SELECT COUNT(*) FROM (SELECT 1 FROM outbox WHERE recipient = ? AND created_at >= ?"
                + " AND status NOT IN ('held', 'digested') LIMIT ?) AS recent", rs -> rs.getInt(1), recipient, since,
                Math.max(0, atMost)).orElse(0);
    }

    boolean hasHeld(long ticketId, String recipient) {
        return sql.one("SELECT COUNT(*) FROM outbox WHERE ticket_id = ? AND recipient = ? AND status = 'held'",
                rs -> rs.getInt(1), ticketId, recipient).orElse(0) > 0;
    }

    /** The notifications held for a digest, oldest first, with their attachments. */
    List<OutboxEntry> held() {
        return withAttachments(sql.list("SELECT * FROM outbox WHERE status = 'held' ORDER BY id", OutboxRows::entry));
    }

    void markDigested(long id) {
        sql.update("UPDATE outbox SET status = 'digested' WHERE id = ? AND status = 'held'", id);
    }

    int answersSince(String recipient, String event, Instant since) {
        return sql.one("SELECT COUNT(*) FROM outbox WHERE recipient = ? AND event = ? AND created_at >= ?",
                rs -> rs.getInt(1), recipient.strip().toLowerCase(Locale.ROOT), event, since).orElse(0);
    }

    Optional<Long> ticketOfNotification(String messageId, String recipient) {
        return sql.one("SELECT ticket_id FROM outbox WHERE message_id = ? AND LOWER(recipient) = LOWER(?)"
                + " AND ticket_id IS NOT NULL", rs -> rs.getLong(1), messageId, recipient.strip());
    }

    List<OutboxEntry> due(Instant now, int limit) {
        return withAttachments(sql.list("SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ?"
                + " ORDER BY next_attempt_at, id LIMIT ?", OutboxRows::entry, now, limit));
    }

    /**
     * Locks one notification, if it is still due and no other instance holds it: {@code SKIP LOCKED} makes a
     * second instance pass over it rather than wait and send it again.
     */
    boolean claim(long id, Instant now) {
        return sql.one("SELECT id FROM outbox WHERE id = ? AND status = 'pending' AND next_attempt_at <= ?"
                + " FOR UPDATE SKIP LOCKED", rs -> true, id, now).isPresent();
    }

    /** The notifications not sent yet: waiting for their next attempt, or failed for good. */
    List<OutboxEntry> unsent() {
        return withAttachments(sql.list("SELECT * FROM outbox WHERE status IN ('pending', 'failed') ORDER BY id",
                OutboxRows::entry));
    }

    /** The entries with the attachments they relay; most have none, so one query for those that do. */
    private List<OutboxEntry> withAttachments(List<OutboxEntry> entries) {
        List<OutboxEntry> result = new ArrayList<>();
        for (OutboxEntry e : entries) {
            List<Attachment> attachments = sql.list("SELECT * FROM outbox_attachment WHERE outbox_id = ? ORDER BY id",
                    rs -> new Attachment(rs.getString("name"), rs.getString("content_type"), rs.getLong("size"),
                            rs.getString("sha256"), false, Optional.empty()), e.id());
            result.add(attachments.isEmpty() ? e : e.withAttachments(attachments));
        }
        return result;
    }

    /**
     * Writes a delivery result in the log of the notification's ticket: {@code sent}, {@code deferred} or
     * {@code failed}, with the server's words.
     */
    void logDelivery(long id, String outcome, Optional<String> words, Instant now) {
        sql.one("SELECT ticket_id, event, recipient FROM outbox WHERE id = ? AND ticket_id IS NOT NULL",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, id).ifPresent(row ->
                new EventRows(sql).insert(Long.parseLong(row[0]), TicketEvent.change(now, "guichet", "delivery", null,
                        outcome, row[1] + " to " + row[2] + ": " + outcome + words.map(w -> " (" + w + ")").orElse(""))));
    }

    void markSent(long id, Instant now) {
        sql.update("UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL"
                + " WHERE id = ?", now, id);
    }

    void markRetry(long id, String error, Instant next) {
        sql.update("UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?"
                + " AND status = 'pending'",
                MessageRows.bounded(error, 2000), next, id);
    }

    void markFailed(long id, String error) {
        sql.update("UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = ? WHERE id = ?",
                MessageRows.bounded(error, 2000), id);
    }

    /** Failed notifications back in the queue, and the waiting ones due now; returns how many. */
    int retryNow(Instant now) {
        return sql.update("UPDATE outbox SET status = 'pending', next_attempt_at = ? WHERE status IN ('failed', 'pending')",
                now);
    }

    private static OutboxEntry entry(ResultSet rs) throws SQLException {
        long ticket = rs.getLong("ticket_id");
        Optional<Long> ticketId = rs.wasNull() ? Optional.empty() : Optional.of(ticket);
        String refs = Optional.ofNullable(rs.getString("references_ids")).orElse("").strip();
        OutgoingMail mail = new OutgoingMail(ticketId, rs.getString("event"), rs.getString("recipient"),
                rs.getString("message_id"), Optional.ofNullable(rs.getString("in_reply_to")),
                refs.isEmpty() ? List.of() : Arrays.asList(refs.split(" ")), rs.getString("from_name"),
                Optional.ofNullable(rs.getString("reply_to")), rs.getString("subject"), rs.getString("body_text"),
                Optional.ofNullable(rs.getString("body_html")), rs.getString("auto_submitted"), List.of(),
                Optional.ofNullable(rs.getString("mailbox")));
        return new OutboxEntry(rs.getLong("id"), mail, rs.getString("status"), rs.getInt("attempts"),
                Sql.instant(rs, "next_attempt_at"), Optional.ofNullable(rs.getString("last_error")),
                Sql.instant(rs, "created_at"), Sql.optionalInstant(rs, "sent_at"));
    }
}
