package org.guichet.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guichet.parse.Attachment;
import org.guichet.parse.MailAddress;
import org.guichet.ticket.NewMessage;
import org.guichet.ticket.TicketMessage;

/** The messages of tickets and their attachments. */
final class MessageRows {
    private static final int MAX_LOOKUP_IDS = 200;
    private final Sql sql;

    MessageRows(Sql sql) {
        this.sql = sql;
    }

    long insert(long ticketId, NewMessage m) {
        long id = sql.insert("INSERT INTO message (ticket_id, inbound_mail_id, direction, message_id, author_address,"
                + " author_name, sent_at, subject, body_text, internal, search_text)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ticketId, m.inboundMail(), m.direction().code(), m.messageId(), m.author().address(),
                m.author().name(), m.sentAt(), bounded(m.subject(), 1000), m.text(), m.internal(),
                SearchText.of(m.subject(), m.text()));
        for (Attachment a : m.attachments()) {
            sql.insert("INSERT INTO attachment (message_id, name, content_type, size, sha256, inline, content_id)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", id, a.name(), bounded(a.contentType(), 255), a.size(),
                    a.sha256(), a.inline(), a.contentId().map(c -> bounded(c, 1000)));
        }
        return id;
    }

    /** The ticket holding a mail, incoming or sent, with one of these Message-IDs. */
    Optional<Long> ticketByMessageIds(Collection<String> ids) {
        for (String id : ids.stream().distinct().limit(MAX_LOOKUP_IDS).toList()) {
            Optional<Long> ticket = sql.one("SELECT ticket_id FROM message WHERE message_id = ?"
                    + " UNION SELECT ticket_id FROM outbox WHERE message_id = ? AND ticket_id IS NOT NULL",
                    rs -> rs.getLong(1), id, id);
            if (ticket.isPresent()) {
                return ticket;
            }
        }
        return Optional.empty();
    }

    /** The Message-IDs of a ticket's mails, received and sent, in order. */
    List<String> threadIds(long ticketId) {
        return sql.list("SELECT message_id, at FROM (SELECT message_id, sent_at AS at, id FROM message"
                + " WHERE ticket_id = ? AND message_id IS NOT NULL UNION ALL SELECT message_id, created_at AS at, id"
                + " FROM outbox WHERE ticket_id = ?) thread ORDER BY at, id", rs -> rs.getString(1), ticketId, ticketId);
    }

    List<TicketMessage> of(long ticketId) {
        Map<Long, List<Attachment>> attachments = attachments(ticketId);
        return sql.list("SELECT * FROM message WHERE ticket_id = ? ORDER BY id",
                rs -> message(rs, attachments.getOrDefault(rs.getLong("id"), List.of())), ticketId);
    }

    private Map<Long, List<Attachment>> attachments(long ticketId) {
        Map<Long, List<Attachment>> byMessage = new HashMap<>();
        sql.list("SELECT a.* FROM attachment a JOIN message m ON a.message_id = m.id WHERE m.ticket_id = ?"
                + " ORDER BY a.id", rs -> byMessage.computeIfAbsent(rs.getLong("message_id"), k -> new ArrayList<>())
                .add(new Attachment(rs.getString("name"), rs.getString("content_type"), rs.getLong("size"),
                        rs.getString("sha256"), rs.getBoolean("inline"), Optional.ofNullable(rs.getString("content_id")))),
                ticketId);
        return byMessage;
    }

    private static TicketMessage message(ResultSet rs, List<Attachment> attachments) throws SQLException {
        return new TicketMessage(rs.getLong("id"),
                "in".equals(rs.getString("direction")) ? TicketMessage.Direction.IN : TicketMessage.Direction.OUT,
                new MailAddress(rs.getString("author_address"), rs.getString("author_name")),
                Sql.instant(rs, "sent_at"), rs.getString("subject"), rs.getString("body_text"),
                rs.getBoolean("internal"), attachments);
    }

    /** The SHA-256 of the mail as received that became this message of this ticket, when it was kept. */
    Optional<String> originalMail(long ticketId, long messageId) {
        return sql.one("SELECT i.raw_sha256 FROM message m JOIN inbound_mail i ON m.inbound_mail_id = i.id"
                + " WHERE m.ticket_id = ? AND m.id = ? AND i.raw_sha256 IS NOT NULL", rs -> rs.getString(1), ticketId,
                messageId);
    }

    static String bounded(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
