package org.guichet.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guichet.parse.MailAddress;
import org.guichet.route.Priority;
import org.guichet.ticket.NewTicket;
import org.guichet.ticket.Status;
import org.guichet.ticket.Ticket;
import org.guichet.ticket.TicketFilter;
import org.guichet.ticket.TicketSummary;

/** The ticket table and its observers. */
final class TicketRows {
    private static final String COUNTS = "(SELECT COUNT(*) FROM message m WHERE m.ticket_id = t.id) AS message_count,"
            + " (SELECT COUNT(*) FROM attachment a JOIN message m ON a.message_id = m.id WHERE m.ticket_id = t.id)"
            + " AS attachment_count";
    private static final String RANK = "CASE t.priority WHEN 'very-high' THEN 5 WHEN 'high' THEN 4 WHEN 'normal' THEN 3"
            + " WHEN 'low' THEN 2 ELSE 1 END";
    private final Sql sql;

    TicketRows(Sql sql) {
        this.sql = sql;
    }

    /** The next number is taken in the same transaction: a rollback gives it back, so numbers have no gaps. */
    long insert(NewTicket t) {
        sql.update("UPDATE ticket_number SET last = last + 1 WHERE id = 1");
        long number = sql.one("SELECT last FROM ticket_number WHERE id = 1", rs -> rs.getLong(1)).orElseThrow();
        sql.update("INSERT INTO ticket (id, subject, requester_address, requester_name, category, subcategory,"
                + " service, priority, status, linked_ticket_id, created_at, updated_at, search_text, mailbox)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'new', ?, ?, ?, ?, ?)",
                number, MessageRows.bounded(t.subject(), 1000), t.requester().address(),
                MessageRows.bounded(t.requester().name(), 500), t.category(), t.subcategory(), t.service(),
                t.priority().code(), t.linkedTicket(), t.created(), t.created(), SearchText.of(t.subject()), t.mailbox());
        return number;
    }

    Optional<Ticket> find(long id) {
        return summaries(" WHERE t.id = ?", List.of(id)).stream().findFirst().map(TicketSummary::ticket);
    }

    Optional<TicketSummary> summary(long id) {
        return summaries(" WHERE t.id = ?", List.of(id)).stream().findFirst();
    }

    void save(Ticket t) {
        // the requester may rename the ticket (#subject): the search column follows its subject
        sql.update("UPDATE ticket SET subject = ?, search_text = ?, category = ?, subcategory = ?, service = ?,"
                + " priority = ?, status = ?, assignee = ?, updated_at = ?, first_response_at = ?, resolved_at = ?,"
                + " closed_at = ?, mailbox = ? WHERE id = ?",
                MessageRows.bounded(t.subject(), 1000), SearchText.of(t.subject()), t.category(), t.subcategory(),
                t.service(), t.priority().code(), t.status().code(), t.assignee(), t.updated(), t.firstResponse(),
                t.resolved(), t.closed(), t.mailbox(), t.id());
        sql.update("DELETE FROM ticket_observer WHERE ticket_id = ?", t.id());
        for (String observer : t.observers()) {
            sql.update("INSERT INTO ticket_observer (ticket_id, address) VALUES (?, ?)", t.id(), observer);
        }
    }

    List<Ticket> resolvedBefore(Instant cutoff) {
        // locked first: when two instances close tickets at once, the second waits and then finds them closed
        sql.list("SELECT id FROM ticket WHERE status = 'resolved' AND resolved_at < ? ORDER BY id FOR UPDATE",
                rs -> rs.getLong(1), cutoff);
        return summaries(" WHERE t.status = 'resolved' AND t.resolved_at < ?", List.of(cutoff)).stream()
                .map(TicketSummary::ticket).toList();
    }

    List<Ticket> unfinished() {
        return summaries(" WHERE t.status IN ('new', 'assigned', 'waiting')", List.of()).stream()
                .map(TicketSummary::ticket).toList();
    }

    boolean claimDigest(String agent, LocalDate day, Instant now) {
        boolean sent = sql.one("SELECT 1 FROM sla_digest WHERE agent = ? AND digest_day = ?", rs -> true, agent, day)
                .isPresent();
        if (!sent) {
            sql.update("INSERT INTO sla_digest (agent, digest_day, sent_at) VALUES (?, ?, ?)", agent, day, now);
        }
        return !sent;
    }

    void touch(long id, Instant now) {
        sql.update("UPDATE ticket SET updated_at = ? WHERE id = ?", now, id);
    }

    /** Highest priority first, then oldest. */
    List<TicketSummary> list(TicketFilter filter) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        filter.status().ifPresent(s -> add(conditions, params, "t.status = ?", s.code()));
        filter.service().ifPresent(s -> add(conditions, params, "t.service = ?", s));
        filter.requester().ifPresent(r -> add(conditions, params, "LOWER(t.requester_address) = LOWER(?)", r));
        filter.assignee().ifPresent(a -> add(conditions, params, "LOWER(t.assignee) = LOWER(?)", a));
        filter.category().ifPresent(c -> {
            conditions.add("(LOWER(t.category) = LOWER(?) OR LOWER(t.subcategory) = LOWER(?))");
            params.addAll(List.of(c, c));
        });
        filter.priority().ifPresent(p -> add(conditions, params, "t.priority = ?", p.code()));
        filter.since().ifPresent(s -> add(conditions, params, "t.created_at >= ?", s));
        filter.until().ifPresent(u -> add(conditions, params, "t.created_at < ?", u));
        filter.mailbox().ifPresent(m -> add(conditions, params, m.primary()
                ? "(t.mailbox IS NULL OR LOWER(t.mailbox) = LOWER(?))" : "LOWER(t.mailbox) = LOWER(?)", m.name()));
        for (String word : filter.words()) {
            // every word somewhere: in the subject, or in any one of the messages
            conditions.add("(t.search_text LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM message sm"
                    + " WHERE sm.ticket_id = t.id AND sm.search_text LIKE ? ESCAPE '\\'))");
            params.addAll(List.of(SearchText.containing(word), SearchText.containing(word)));
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return summaries(where, params);
    }

    private static void add(List<String> conditions, List<Object> params, String condition, Object value) {
        conditions.add(condition);
        params.add(value);
    }

    private List<TicketSummary> summaries(String where, List<Object> params) {
        Map<Long, List<String>> observers = observers(where, params);
        return sql.list("SELECT t.*, " + COUNTS + " FROM ticket t" + where
                + " ORDER BY " + RANK + " DESC, t.created_at, t.id",
                rs -> summary(rs, observers.getOrDefault(rs.getLong("id"), List.of())), params.toArray());
    }

    private Map<Long, List<String>> observers(String where, List<Object> params) {
        Map<Long, List<String>> byTicket = new HashMap<>();
        sql.list("SELECT o.ticket_id, o.address FROM ticket_observer o WHERE o.ticket_id IN (SELECT t.id FROM ticket t"
                + where + ") ORDER BY o.address", rs -> byTicket.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                .add(rs.getString(2)), params.toArray());
        return byTicket;
    }

    /**
     * The tickets with an id over {@code afterId} (created since then, when given), {@code limit} at most, in id
     * order, with their observers: a page of a walk over every ticket that holds one page in memory at a time.
     */
    List<Ticket> page(long afterId, Optional<Instant> since, int limit) {
        String created = since.isPresent() ? " AND t.created_at >= ?" : "";
        List<Object> params = new ArrayList<>(List.of(afterId));
        since.ifPresent(params::add);
        params.add(limit);
        List<Ticket> page = sql.list("SELECT t.* FROM ticket t WHERE t.id > ?" + created + " ORDER BY t.id LIMIT ?",
                rs -> ticket(rs, List.of()), params.toArray());
        if (page.isEmpty()) {
            return page;
        }
        Map<Long, List<String>> observers = observers(" WHERE t.id BETWEEN ? AND ?",
                List.of(page.get(0).id(), page.get(page.size() - 1).id()));
        return page.stream().map(t -> observers.containsKey(t.id())
                ? t.withObservers(observers.get(t.id()), t.updated()) : t).toList();
    }

    private static TicketSummary summary(ResultSet rs, List<String> observers) throws SQLException {
        return new TicketSummary(ticket(rs, observers), rs.getInt("message_count"), rs.getInt("attachment_count"));
    }

    private static Ticket ticket(ResultSet rs, List<String> observers) throws SQLException {
        long linked = rs.getLong("linked_ticket_id");
        Optional<Long> linkedTicket = rs.wasNull() ? Optional.empty() : Optional.of(linked);
        Ticket ticket = new Ticket(rs.getLong("id"), rs.getString("subject"),
                new MailAddress(rs.getString("requester_address"), rs.getString("requester_name")),
                rs.getString("category"), Optional.ofNullable(rs.getString("subcategory")), rs.getString("service"),
                Priority.fromCode(rs.getString("priority")).orElse(Priority.NORMAL),
                Status.fromCode(rs.getString("status")).orElseThrow(), Optional.ofNullable(rs.getString("assignee")),
                observers, Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"),
                Sql.optionalInstant(rs, "first_response_at"), Sql.optionalInstant(rs, "resolved_at"),
                Sql.optionalInstant(rs, "closed_at"), linkedTicket, Optional.ofNullable(rs.getString("mailbox")));
        return ticket;
    }
}
