package org.guichet.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Deletes closed tickets for good, with everything that names them: messages, attachments rows, events,
 * observers, notifications and the received mails' records; counts it in {@code purge_log}. The stored files are
 * the caller's to delete afterwards, those no remaining row names.
 */
public final class Purge {
    private static final int CHUNK = 200;
    private final Database database;

    public Purge(Database database) {
        this.database = database;
    }

    /** What a purge removed, or would remove; the hashes of the files no remaining row names. */
    public record Counts(long tickets, long messages, long events, long attachments, Optional<Long> firstTicket,
            Optional<Long> lastTicket, Set<String> unusedAttachmentFiles, Set<String> unusedRawFiles) {
    }

    /** The closed and cancelled tickets whose closing is before the cutoff; rolled back when {@code dryRun}. */
    public Counts run(Instant closedBefore, String actor, Instant now, boolean dryRun) {
        return database.inTransaction(connection -> {
            Sql sql = new Sql(connection);
            List<Long> ids = sql.list("SELECT id FROM ticket WHERE status IN ('closed', 'cancelled') AND closed_at < ?"
                    + " ORDER BY id", rs -> rs.getLong(1), closedBefore);
            Set<String> attachmentFiles = new LinkedHashSet<>();
            Set<String> rawFiles = new LinkedHashSet<>();
            long[] counts = new long[3];
            for (int i = 0; i < ids.size(); i += CHUNK) {
                delete(sql, ids.subList(i, Math.min(ids.size(), i + CHUNK)), counts, attachmentFiles, rawFiles);
            }
            attachmentFiles.removeIf(sha -> attachmentInUse(sql, sha));
            rawFiles.removeIf(sha -> rawInUse(sql, sha));
            Counts result = new Counts(ids.size(), counts[0], counts[1], counts[2],
                    ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(0)),
                    ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(ids.size() - 1)), attachmentFiles, rawFiles);
            if (dryRun) {
                rollback(connection);
            } else if (!ids.isEmpty()) {
                sql.insert("INSERT INTO purge_log (at, actor, closed_before, tickets, messages, events, attachments,"
                        + " files, first_ticket, last_ticket) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", now, actor,
                        closedBefore, result.tickets(), result.messages(), result.events(), result.attachments(),
                        (long) attachmentFiles.size() + rawFiles.size(), result.firstTicket(), result.lastTicket());
            }
            return result;
        });
    }

    private static void delete(Sql sql, List<Long> ids, long[] counts, Set<String> attachmentFiles,
            Set<String> rawFiles) {
        String in = " IN (" + String.join(", ", ids.stream().map(id -> "?").toList()) + ")";
        Object[] params = ids.toArray();
        attachmentFiles.addAll(sql.list("SELECT a.sha256 FROM attachment a JOIN message m ON a.message_id = m.id"
                + " WHERE m.ticket_id" + in, rs -> rs.getString(1), params));
        attachmentFiles.addAll(sql.list("SELECT a.sha256 FROM outbox_attachment a JOIN outbox o ON a.outbox_id = o.id"
                + " WHERE o.ticket_id" + in, rs -> rs.getString(1), params));
        rawFiles.addAll(sql.list("SELECT raw_sha256 FROM inbound_mail WHERE raw_sha256 IS NOT NULL AND ticket_id" + in,
                rs -> rs.getString(1), params));
        counts[2] += sql.update("DELETE FROM attachment WHERE message_id IN (SELECT id FROM message WHERE ticket_id"
                + in + ")", params);
        counts[0] += sql.update("DELETE FROM message WHERE ticket_id" + in, params);
        counts[1] += sql.update("DELETE FROM ticket_event WHERE ticket_id" + in, params);
        sql.update("DELETE FROM ticket_observer WHERE ticket_id" + in, params);
        sql.update("DELETE FROM outbox_attachment WHERE outbox_id IN (SELECT id FROM outbox WHERE ticket_id" + in + ")",
                params);
        sql.update("DELETE FROM outbox WHERE ticket_id" + in, params);
        sql.update("DELETE FROM undeliverable WHERE ticket_id" + in, params);
        sql.update("DELETE FROM inbound_mail WHERE ticket_id" + in, params);
        sql.update("UPDATE ticket SET linked_ticket_id = NULL WHERE linked_ticket_id" + in, params);
        sql.update("DELETE FROM ticket WHERE id" + in, params);
    }

    /** Whether a row still names this attachment file; asked again just before the file is deleted. */
    public boolean attachmentInUse(String sha256) {
        return database.inTransaction(c -> attachmentInUse(new Sql(c), sha256));
    }

    /** Whether a received mail's record still names this raw file. */
    public boolean rawInUse(String sha256) {
        return database.inTransaction(c -> rawInUse(new Sql(c), sha256));
    }

    private static boolean attachmentInUse(Sql sql, String sha) {
        return sql.one("SELECT 1 FROM attachment WHERE sha256 = ? UNION ALL SELECT 1 FROM outbox_attachment"
                + " WHERE sha256 = ?", rs -> 1, sha, sha).isPresent();
    }

    private static boolean rawInUse(Sql sql, String sha) {
        return sql.one("SELECT 1 FROM inbound_mail WHERE raw_sha256 = ?", rs -> 1, sha).isPresent();
    }

    /** Every purge, newest first. */
    public List<String> history(int limit) {
        return database.inTransaction(c -> new Sql(c).list("SELECT * FROM purge_log ORDER BY id DESC", rs -> {
            long first = rs.getLong("first_ticket");
            String range = rs.wasNull() ? "" : " (#" + first + " to #" + rs.getLong("last_ticket") + ")";
            return Sql.instant(rs, "at") + " by " + rs.getString("actor") + ": closed before "
                    + Sql.instant(rs, "closed_before") + ", " + rs.getLong("tickets") + " ticket(s)" + range + ", "
                    + rs.getLong("messages") + " message(s), " + rs.getLong("events") + " event(s), "
                    + rs.getLong("attachments") + " attachment(s), " + rs.getLong("files") + " stored file(s)";
        })).stream().limit(limit).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    private static void rollback(java.sql.Connection connection) {
        try {
            connection.rollback();
        } catch (java.sql.SQLException e) {
            throw new StoreException("cannot roll the dry run back: " + e.getMessage(), e);
        }
    }
}
