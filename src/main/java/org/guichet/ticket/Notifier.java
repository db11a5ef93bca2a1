package org.guichet.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.guichet.config.Limits;
import org.guichet.parse.Attachment;

/**
 * Queues the notifications of the events one mail (or one action) causes, in the transaction of the changes,
 * to each event's audience: gathered while the mail is applied, then one notification per recipient and
 * ticket, the changes first and the text last (SPEC section 8).
 *
 * <p>Caps brake loops, not people (SPEC section 7): automatic answers (acknowledgements, refusals) and mail
 * caused by automatic or unverified senders count against {@code notifications-per-ticket-per-10-minutes}
 * and are dropped past it; a person's own action is never dropped: past
 * {@code notifications-per-recipient-per-hour} its notification is held for a digest ({@link HeldDigests}). Every
 * notification not sent at once is written in the ticket's event log with the reason.
 */
public final class Notifier {
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final String SYSTEM = "guichet";
    /** The events that answer a person's own mail automatically: braked by the per-ticket cap. */
    private static final Set<Event> ANSWERS = Set.of(Event.ACKNOWLEDGEMENT, Event.COMMAND_REFUSED, Event.MY_TICKETS,
            Event.QUEUE, Event.TOO_MANY_TICKETS);
    /** The events that carry a text: they come after the changes in a grouped notification. */
    private static final Set<Event> TEXTS = Set.of(Event.OPENED, Event.AGENT_REPLY, Event.REQUESTER_REPLY,
            Event.PARTICIPANT_REPLY, Event.INTERNAL_NOTE);
    /** The events that bring someone new to a ticket: their mail carries the whole ticket. */
    private static final Set<Event> BRIEFED = Set.of(Event.ASSIGNED, Event.TRANSFERRED, Event.OBSERVER_INVITED);
    private final Audience audience;
    private final Notices notices;
    private final int capPerWindow;
    private final int ceilingPerHour;
    private final long maxForwardBytes;
    private final Set<Event> silenced;
    /** The notices gathered per open transaction, while one mail is applied. */
    private final Map<TicketTx, List<Notice>> gathering = Collections.synchronizedMap(new IdentityHashMap<>());

    public Notifier(Audience audience, Notices notices, int capPerWindow) {
        this(audience, notices, capPerWindow, Limits.DEFAULT_PER_RECIPIENT_PER_HOUR, Limits.DEFAULT_MAX_FORWARD_BYTES,
                Set.of());
    }

    public Notifier(Audience audience, Notices notices, int capPerWindow, int ceilingPerHour, long maxForwardBytes) {
        this(audience, notices, capPerWindow, ceilingPerHour, maxForwardBytes, Set.of());
    }

    private Notifier(Audience audience, Notices notices, int capPerWindow, int ceilingPerHour, long maxForwardBytes,
            Set<Event> silenced) {
        this.audience = audience;
        this.notices = notices;
        this.capPerWindow = capPerWindow;
        this.ceilingPerHour = ceilingPerHour;
        this.maxForwardBytes = maxForwardBytes;
        this.silenced = Set.copyOf(silenced);
    }

    /** One notification to one recipient, rendered, and whether a person's own action caused it. */
    private record Notice(Event event, long ticket, String recipient, OutgoingMail mail, boolean byPerson) {
    }

    /**
     * The same notifier, except that these events send nothing: an imported backlog does not acknowledge mail
     * that people sent long ago. Each one left unsent is written in the ticket's event log.
     */
    public Notifier silencing(Set<Event> events) {
        return new Notifier(audience, notices, capPerWindow, ceilingPerHour, maxForwardBytes, events);
    }

    public Notices notices() {
        return notices;
    }

    public int ceilingPerHour() {
        return ceilingPerHour;
    }

    /**
     * Runs the work of one mail or one action in this transaction, gathering what it tells; then queues one
     * notification per recipient and ticket. {@code byPerson}: a verified agent's or the requester's own action
     * (never dropped), or else mail from an automatic or unverified sender (capped).
     */
    public <T> T gathered(TicketTx tx, boolean byPerson, Instant now, Supplier<T> work) {
        List<Notice> notices = new ArrayList<>();
        List<Notice> outer = gathering.putIfAbsent(tx, notices);
        if (outer != null) {
            return work.get();
        }
        try {
            T result = work.get();
            send(tx, notices, byPerson, now);
            return result;
        } finally {
            gathering.remove(tx);
        }
    }

    /** Tells the event's audience about it; returns the recipients it is written for (queued, or gathered). */
    public List<String> tell(TicketTx tx, Event event, Ticket ticket, String actor, Optional<String> subject,
            Notices.Content content, Instant now) {
        if (silenced.contains(event)) {
            tx.insertEvent(ticket.id(), TicketEvent.of(now, SYSTEM, "notification-suppressed",
                    event.template() + " not sent: the mail was imported from a backlog"));
            return List.of();
        }
        List<String> thread = tx.threadMessageIds(ticket.id());
        Optional<TicketDetail> detail = BRIEFED.contains(event) ? tx.detail(ticket.id()) : Optional.empty();
        List<String> told = new ArrayList<>();
        List<Notice> gathered = gathering.get(tx);
        List<Notice> direct = new ArrayList<>();
        for (String recipient : audience.of(event, ticket, actor, subject)) {
            if (tx.isUndeliverable(ticket.id(), recipient)) {
                tx.insertEvent(ticket.id(), TicketEvent.of(now, SYSTEM, "notification-skipped", event.template()
                        + " not sent to " + recipient + ": earlier mail to this address bounced"));
                continue;
            }
            Notices.Content toldHere = detail.isPresent() && newcomer(event, ticket, recipient, subject)
                    ? notices.briefing(content, detail.get(), audience.isAgent(recipient), maxForwardBytes) : content;
            Notice notice = new Notice(event, ticket.id(), recipient,
                    notices.about(event, ticket, recipient, thread, toldHere), true);
            (gathered != null ? gathered : direct).add(notice);
            told.add(recipient);
        }
        if (!direct.isEmpty()) {
            send(tx, direct, true, now);
        }
        return told;
    }

    /** Whether this recipient comes to the ticket with this event, and is sent the whole ticket. */
    private static boolean newcomer(Event event, Ticket ticket, String recipient, Optional<String> subject) {
        return event == Event.TRANSFERRED ? !recipient.equalsIgnoreCase(ticket.requester().address())
                : subject.filter(recipient::equalsIgnoreCase).isPresent();
    }

    /** A mail about no one ticket, to one person: the list of their tickets, a refusal. */
    public void tellOne(TicketTx tx, OutgoingMail mail, Instant now) {
        tx.queueCapped(mail, now);
    }

    /** One notification per recipient and ticket, each sent, held or dropped by the brakes. */
    private void send(TicketTx tx, List<Notice> gathered, boolean byPerson, Instant now) {
        Map<String, List<Notice>> byRecipient = new LinkedHashMap<>();
        for (Notice n : gathered) {
            byRecipient.computeIfAbsent(n.ticket() + " " + n.recipient(), k -> new ArrayList<>()).add(n);
        }
        for (List<Notice> group : byRecipient.values()) {
            boolean answers = group.stream().allMatch(n -> ANSWERS.contains(n.event()));
            Brake brake = answers ? Brake.ANSWER : byPerson ? Brake.PERSON : Brake.LOOP;
            deliver(tx, group.get(0).ticket(), group.get(0).recipient(), merged(group), brake, now);
        }
    }

    /**
     * How a notification is braked: an automatic answer counts the automatic mails the recipient got about the
     * ticket (so a busy exchange never starves a refusal); mail caused by an automatic or unverified sender counts
     * every mail the recipient got about the ticket (so a loop stops); a person's own action is held past the hourly
     * ceiling, never dropped.
     */
    private enum Brake {
        ANSWER, LOOP, PERSON
    }

    private void deliver(TicketTx tx, long ticket, String recipient, OutgoingMail mail, Brake brake, Instant now) {
        if (brake != Brake.PERSON) {
            Instant since = now.minus(WINDOW);
            int recent = brake == Brake.ANSWER ? tx.recentAnswers(ticket, recipient, since)
                    : tx.recentNotifications(ticket, recipient, since);
            if (recent >= capPerWindow) {
                tx.insertEvent(ticket, TicketEvent.of(now, SYSTEM, "notification-capped", mail.event()
                        + " not sent to " + recipient + ": " + capPerWindow + " mails in 10 minutes already"
                        + " (automatic answers and unverified senders are capped)"));
                return;
            }
            tx.queueCapped(mail, now);
        } else if (tx.hasHeld(ticket, recipient) || tx.notificationsTo(recipient, now.minus(HOUR), ceilingPerHour) >= ceilingPerHour) {
            tx.hold(mail, now);
            tx.insertEvent(ticket, TicketEvent.of(now, SYSTEM, "notification-held", mail.event() + " held for "
                    + recipient + ": " + ceilingPerHour + " mails in the last hour already; it goes out in a digest"
                    + " when the hour's window opens"));
            return;
        } else {
            tx.queue(mail, now);
        }
        tx.insertEvent(ticket, TicketEvent.of(now, SYSTEM, "notification", mail.event() + " queued for " + recipient));
    }

    /** The notices of one recipient about one ticket as one mail: the changes first, then the texts. */
    private static OutgoingMail merged(List<Notice> group) {
        if (group.size() == 1) {
            return group.get(0).mail();
        }
        List<Notice> ordered = new ArrayList<>(group.stream().filter(n -> !TEXTS.contains(n.event())).toList());
        ordered.addAll(group.stream().filter(n -> TEXTS.contains(n.event())).toList());
        List<OutgoingMail> mails = ordered.stream().map(Notice::mail).toList();
        OutgoingMail first = mails.get(0);
        OutgoingMail last = mails.get(mails.size() - 1);
        String event = String.join("+", mails.stream().map(OutgoingMail::event).toList());
        String text = String.join("\n\n", mails.stream().map(m -> m.text().strip()).toList()) + "\n";
        String html = String.join("\n<hr>\n", mails.stream().map(m -> m.html().orElse("")).toList());
        boolean allReplied = mails.stream().allMatch(m -> m.autoSubmitted().equals("auto-replied"));
        Map<String, Attachment> attachments = new LinkedHashMap<>();
        mails.forEach(m -> m.attachments().forEach(a -> attachments.putIfAbsent(a.sha256() + " " + a.name(), a)));
        return new OutgoingMail(first.ticket(), event, first.recipient(), first.messageId(), first.inReplyTo(),
                first.references(), last.fromName(), first.replyTo(), first.subject(), text, Optional.of(html),
                allReplied ? "auto-replied" : "auto-generated", List.copyOf(attachments.values()), first.mailbox());
    }
}
