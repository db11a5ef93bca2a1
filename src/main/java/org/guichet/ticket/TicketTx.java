package org.guichet.ticket;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The operations on tickets and mails available inside one transaction. */
public interface TicketTx {
    Optional<MailRecord> mail(String key);

    /** Records a received mail, or counts one more attempt at it; returns its record. */
    MailRecord recordAttempt(String key, String rawSha256, long rawSize, MailOrigin source, Instant now);

    /**
     * Locks a received mail's record until the transaction ends and reads it again: two copies of one mail (sent to
     * two mailboxes) applied at once are applied once.
     */
    Optional<MailRecord> lockMail(long mailId);

    void markHandled(long mailId, Optional<Long> ticket, Instant now);

    void markFailed(long mailId, String error, boolean quarantined, Instant now);

    long insertTicket(NewTicket ticket);

    Optional<Ticket> ticket(long id);

    void touch(long ticketId, Instant now);

    /** Writes a ticket's changed fields and observers back. */
    void save(Ticket ticket);

    /** How many notifications about this ticket were queued for this recipient since then. */
    /**
     * How many mails of this event ({@code acknowledgement}, {@code my-tickets}) were queued to this address since
     * then, about any ticket or none: the outbound brake per sender (SPEC section 7).
     */
    int answersSince(String recipient, String event, Instant since);

    int recentNotifications(long ticketId, String recipient, Instant since);

    /** How many automatic answers (and mails caused by unverified senders) about this ticket were queued since then. */
    int recentAnswers(long ticketId, String recipient, Instant since);

    /** Marks an address that bounced for good: no more notifications to it about this ticket. */
    void markUndeliverable(long ticketId, String address, String status, Instant now);

    boolean isUndeliverable(long ticketId, String address);

    /** How many tickets this requester opened since then. */
    int ticketsOpenedSince(String requester, Instant since);

    /** When this sender was last told they opened too many tickets. */
    Optional<Instant> lastSenderWarning(String address);

    void recordSenderWarning(String address, Instant now);

    /** The open tickets whose resolution is older than the cutoff: the daily job closes them. */
    List<Ticket> resolvedBefore(Instant cutoff);

    /** The tickets not yet resolved, closed or cancelled: new, assigned or waiting. */
    List<Ticket> unfinished();

    /** A ticket's event log, oldest first. */
    List<TicketEvent> events(long ticketId);

    /**
     * The tickets with an id over {@code afterId} (created since then, when given), at most {@code limit} of them in
     * id order, each with its event log: a page of tickets read in two queries, for a walk over all of them.
     */
    List<Logged> ticketsWithEvents(long afterId, Optional<Instant> since, int limit);

    /** A ticket and its event log, oldest first. */
    record Logged(Ticket ticket, List<TicketEvent> events) {
    }

    /**
     * Marks this agent's digest of this day as sent; false when it already was, and then nothing is to be sent.
     */
    boolean claimDigest(String agent, LocalDate day, Instant now);

    long insertMessage(long ticketId, NewMessage message);

    void insertEvent(long ticketId, TicketEvent event);

    /** The ticket that sent or received a mail with one of these Message-IDs. */
    Optional<Long> ticketByMessageIds(Collection<String> messageIds);

    /**
     * The ticket of the notification Guichet wrote with this Message-ID to this recipient (any case), if the outbox
     * holds one: what a delivery report must name before an address is marked undeliverable.
     */
    Optional<Long> ticketOfNotification(String messageId, String recipient);

    /** The Message-IDs of a ticket's mails, incoming and outgoing, oldest first. */
    List<String> threadMessageIds(long ticketId);

    void queue(OutgoingMail mail, Instant now);

    /** Queues an automatic answer, or a mail caused by an automatic or unverified sender: it counts against the cap. */
    void queueCapped(OutgoingMail mail, Instant now);

    /** Keeps a person's notification past the recipient's hourly ceiling, for the next digest. */
    void hold(OutgoingMail mail, Instant now);

    /** How many notifications to this recipient, about any ticket, were queued to go out since then. */
    int notificationsTo(String recipient, Instant since);

    /**
     * The same count, stopped at {@code atMost}: what the hourly ceiling needs to know, without counting the
     * thousands of notices an agent gets in a flood one by one for every mail.
     */
    default int notificationsTo(String recipient, Instant since, int atMost) {
        return Math.min(notificationsTo(recipient, since), atMost);
    }

    /** Whether notifications about this ticket wait for this recipient's next digest. */
    boolean hasHeld(long ticketId, String recipient);

    /** The notifications waiting for a digest, oldest first. */
    List<HeldMail> held();

    /** A held notification went out in a digest. */
    void markDigested(long heldId);

    List<TicketSummary> list(TicketFilter filter);

    Optional<TicketDetail> detail(long ticketId);

    /** The SHA-256 of the raw mail, as received, that became this message; empty for a message Guichet wrote. */
    Optional<String> originalMail(long ticketId, long messageId);
}
