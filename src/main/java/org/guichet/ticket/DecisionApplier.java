package org.guichet.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.guichet.parse.Attachment;
import org.guichet.parse.InboundMail;
import org.guichet.parse.MailAddress;
import org.guichet.route.Decision;
import org.guichet.route.SubjectTag;
import org.guichet.route.ThreadMatch;

/**
 * Applies routing's decision for one mail inside the caller's transaction: opens a ticket or records a
 * follow-up, logs every decision with its reason, queues the notifications, and marks the mail handled.
 */
public final class DecisionApplier {
    private static final String SYSTEM = "guichet";
    private final SubjectTag tag;
    private final Notices notices;
    private final Clock clock;

    public DecisionApplier(SubjectTag tag, Notices notices, Clock clock) {
        this.tag = tag;
        this.notices = notices;
        this.clock = clock;
    }

    /** Returns the ticket the mail was recorded on, if any. */
    public Optional<Long> apply(TicketTx tx, MailRecord record, InboundMail mail, Decision decision) {
        return apply(tx, record, mail, decision, List.of());
    }

    /**
     * The same, with attachments that were over {@code limits.max-attachment-bytes} and not stored: they are
     * left off the message, logged on the ticket, and named in the acknowledgement.
     */
    public Optional<Long> apply(TicketTx tx, MailRecord record, InboundMail mail, Decision decision,
            List<Attachment> leftOut) {
        Instant now = clock.instant();
        Optional<Long> ticket;
        if (decision.thread().isPresent()) {
            ticket = Optional.of(followUp(tx, record, mail, decision, decision.thread().get(), leftOut, now));
        } else if (decision.automatic().isPresent()) {
            ticket = Optional.empty();
        } else {
            ticket = Optional.of(open(tx, record, mail, decision, leftOut, now));
        }
        ticket.ifPresent(t -> leftOut.forEach(a -> tx.insertEvent(t, TicketEvent.of(now, SYSTEM, "attachment-left-out",
                a.name() + " (" + a.size() + " bytes) is over the attachment size limit and was not kept"))));
        tx.markHandled(record.id(), ticket, now);
        return ticket;
    }

    private long open(TicketTx tx, MailRecord record, InboundMail mail, Decision decision, List<Attachment> leftOut,
            Instant now) {
        MailAddress requester = requester(mail);
        String subject = tag.strip(mail.subject());
        NewTicket fields = new NewTicket(subject.isEmpty() ? "(no subject)" : subject, requester,
                decision.category(), decision.subcategory(), decision.service(), decision.priority(), now,
                decision.mentions());
        long id = tx.insertTicket(fields);
        tx.insertMessage(id, message(record, mail, mail.text(), false, leftOut, now));
        tx.insertEvent(id, TicketEvent.change(now, requester.address(), "created", null, Status.NEW.code(),
                "opened by mail " + mail.messageId().map(m -> "<" + m + ">").orElse("without Message-ID")));
        decision.mentions().ifPresent(old -> tx.insertEvent(id,
                TicketEvent.of(now, SYSTEM, "linked", "names ticket #" + old)));
        for (String reason : decision.reasons()) {
            tx.insertEvent(id, TicketEvent.of(now, SYSTEM, "routing", reason));
        }
        Ticket ticket = tx.ticket(id).orElseThrow();
        queue(tx, notices.acknowledgement(ticket, tx.threadMessageIds(id), leftOut.stream().map(Attachment::name)
                .toList()), now);
        return id;
    }

    private long followUp(TicketTx tx, MailRecord record, InboundMail mail, Decision decision, ThreadMatch match,
            List<Attachment> leftOut, Instant now) {
        long id = match.ticket();
        boolean automatic = decision.automatic().isPresent();
        tx.insertMessage(id, message(record, mail, mail.newText(), automatic, leftOut, now));
        String author = mail.from().map(MailAddress::address).orElse("unknown sender");
        String detail = automatic
                ? "automatic mail kept as a note (" + decision.automatic().get() + ")"
                : "reply threaded by " + match.by().code();
        tx.insertEvent(id, TicketEvent.of(now, author, automatic ? "note" : "reply", detail));
        tx.touch(id, now);
        return id;
    }

    private void queue(TicketTx tx, OutgoingMail mail, Instant now) {
        tx.queue(mail, now);
        mail.ticket().ifPresent(t -> tx.insertEvent(t,
                TicketEvent.of(now, SYSTEM, "notification", mail.event() + " queued for " + mail.recipient())));
    }

    private static NewMessage message(MailRecord record, InboundMail mail, String text, boolean internal,
            List<Attachment> leftOut, Instant now) {
        List<Attachment> kept = mail.attachments().stream().filter(a -> !leftOut.contains(a)).toList();
        return new NewMessage(TicketMessage.Direction.IN, Optional.of(record.id()), mail.messageId(),
                requester(mail), mail.date().orElse(now), mail.subject(), text, internal, kept);
    }

    /** The sender, or where there is none the Reply-To; a mail with neither cannot be answered. */
    private static MailAddress requester(InboundMail mail) {
        return mail.from().or(() -> mail.replyTo().stream().findFirst())
                .orElseThrow(() -> new UnusableMail("the mail has no From or Reply-To address"));
    }
}
