package org.guichet.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guichet.ticket.HeldMail;
import org.guichet.ticket.MailOrigin;
import org.guichet.ticket.MailRecord;
import org.guichet.ticket.NewMessage;
import org.guichet.ticket.NewTicket;
import org.guichet.ticket.OutgoingMail;
import org.guichet.ticket.Ticket;
import org.guichet.ticket.TicketDetail;
import org.guichet.ticket.TicketEvent;
import org.guichet.ticket.TicketFilter;
import org.guichet.ticket.TicketSummary;
import org.guichet.ticket.TicketTx;

/** The ticket operations on one transaction's connection. */
final class JdbcTicketTx implements TicketTx {
    private final MailRows mails;
    private final TicketRows tickets;
    private final MessageRows messages;
    private final EventRows events;
    private final OutboxRows outbox;
    private final SenderRows senders;

    JdbcTicketTx(Sql sql) {
        this.senders = new SenderRows(sql);
        this.mails = new MailRows(sql);
        this.tickets = new TicketRows(sql);
        this.messages = new MessageRows(sql);
        this.events = new EventRows(sql);
        this.outbox = new OutboxRows(sql);
    }

    @Override
    public Optional<MailRecord> mail(String key) {
        return mails.find(key);
    }

    @Override
    public MailRecord recordAttempt(String key, String rawSha256, long rawSize, MailOrigin source, Instant now) {
        return mails.recordAttempt(key, rawSha256, rawSize, source, now);
    }

    @Override
    public Optional<MailRecord> lockMail(long mailId) {
        return mails.lock(mailId);
    }

    @Override
    public void markHandled(long mailId, Optional<Long> ticket, Instant now) {
        mails.markHandled(mailId, ticket, now);
    }

    @Override
    public void markFailed(long mailId, String error, boolean quarantined, Instant now) {
        mails.markFailed(mailId, error, quarantined, now);
    }

    @Override
    public long insertTicket(NewTicket ticket) {
        return tickets.insert(ticket);
    }

    @Override
    public Optional<Ticket> ticket(long id) {
        return tickets.find(id);
    }

    @Override
    public void touch(long ticketId, Instant now) {
        tickets.touch(ticketId, now);
    }

    @Override
    public void save(Ticket ticket) {
        tickets.save(ticket);
    }

    @Override
    public int recentNotifications(long ticketId, String recipient, Instant since) {
        return outbox.recent(ticketId, recipient, since);
    }

    @Override
    public int recentAnswers(long ticketId, String recipient, Instant since) {
        return outbox.recentCapped(ticketId, recipient, since);
    }

    @Override
    public int answersSince(String recipient, String event, Instant since) {
        return outbox.answersSince(recipient, event, since);
    }

    @Override
    public void markUndeliverable(long ticketId, String address, String status, Instant now) {
        senders.markUndeliverable(ticketId, address, status, now);
    }

    @Override
    public boolean isUndeliverable(long ticketId, String address) {
        return senders.isUndeliverable(ticketId, address);
    }

    @Override
    public int ticketsOpenedSince(String requester, Instant since) {
        return senders.ticketsOpenedSince(requester, since);
    }

    @Override
    public Optional<Instant> lastSenderWarning(String address) {
        return senders.lastWarning(address);
    }

    @Override
    public void recordSenderWarning(String address, Instant now) {
        senders.recordWarning(address, now);
    }

    @Override
    public List<Ticket> resolvedBefore(Instant cutoff) {
        return tickets.resolvedBefore(cutoff);
    }

    @Override
    public List<Ticket> unfinished() {
        return tickets.unfinished();
    }

    @Override
    public List<TicketEvent> events(long ticketId) {
        return events.of(ticketId);
    }

    @Override
    public List<Logged> ticketsWithEvents(long afterId, Optional<Instant> since, int limit) {
        List<Ticket> page = tickets.page(afterId, since, limit);
        if (page.isEmpty()) {
            return List.of();
        }
        Map<Long, List<TicketEvent>> logs = events.ofRange(page.get(0).id(), page.get(page.size() - 1).id());
        return page.stream().map(t -> new Logged(t, logs.getOrDefault(t.id(), List.of()))).toList();
    }

    @Override
    public boolean claimDigest(String agent, LocalDate day, Instant now) {
        return tickets.claimDigest(agent, day, now);
    }

    @Override
    public long insertMessage(long ticketId, NewMessage message) {
        return messages.insert(ticketId, message);
    }

    @Override
    public void insertEvent(long ticketId, TicketEvent event) {
        events.insert(ticketId, event);
    }

    @Override
    public Optional<Long> ticketByMessageIds(Collection<String> messageIds) {
        return messages.ticketByMessageIds(messageIds);
    }

    @Override
    public Optional<Long> ticketOfNotification(String messageId, String recipient) {
        return outbox.ticketOfNotification(messageId, recipient);
    }

    @Override
    public List<String> threadMessageIds(long ticketId) {
        return messages.threadIds(ticketId);
    }

    @Override
    public void queue(OutgoingMail mail, Instant now) {
        outbox.insert(mail, now);
    }

    @Override
    public void queueCapped(OutgoingMail mail, Instant now) {
        outbox.insert(mail, "pending", true, now);
    }

    @Override
    public void hold(OutgoingMail mail, Instant now) {
        outbox.insert(mail, "held", false, now);
    }

    @Override
    public int notificationsTo(String recipient, Instant since) {
        return outbox.recentTo(recipient, since);
    }

    @Override
    public int notificationsTo(String recipient, Instant since, int atMost) {
        return outbox.recentTo(recipient, since, atMost);
    }

    @Override
    public boolean hasHeld(long ticketId, String recipient) {
        return outbox.hasHeld(ticketId, recipient);
    }

    @Override
    public List<HeldMail> held() {
        return outbox.held().stream().map(e -> new HeldMail(e.id(), e.mail(), e.created())).toList();
    }

    @Override
    public void markDigested(long heldId) {
        outbox.markDigested(heldId);
    }

    @Override
    public List<TicketSummary> list(TicketFilter filter) {
        return tickets.list(filter);
    }

    @Override
    public Optional<TicketDetail> detail(long ticketId) {
        return tickets.summary(ticketId).map(s -> new TicketDetail(s, messages.of(ticketId), events.of(ticketId)));
    }

    @Override
    public Optional<String> originalMail(long ticketId, long messageId) {
        return messages.originalMail(ticketId, messageId);
    }
}
