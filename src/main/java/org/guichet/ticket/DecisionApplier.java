package org.guichet.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guichet.config.GuichetConfig;
import org.guichet.parse.Attachment;
import org.guichet.parse.InboundMail;
import org.guichet.parse.MailAddress;
import org.guichet.route.AutomaticMail;
import org.guichet.route.Decision;
import org.guichet.route.MailCommand;
import org.guichet.route.Permissions;
import org.guichet.route.SubjectTag;

/**
 * Applies routing's decision for one mail inside the caller's transaction: opens a ticket or records a
 * follow-up, runs its commands, logs every decision with its reason, queues the notifications, and marks
 * the mail handled.
 */
public final class DecisionApplier {
    private static final String SYSTEM = "guichet";
    private static final Duration LOOP_WINDOW = Duration.ofMinutes(10);
    private static final Duration HOUR = Duration.ofHours(1);
    private final GuichetConfig config;
    private final SubjectTag tag;
    private final Notifier notifier;
    private final TicketActions actions;
    private final Replies replies;
    private final Robots robots;
    private final AutomaticMail own;
    private final Clock clock;
    private final boolean proofRequired;
    private final int perSenderPerHour;

    public DecisionApplier(GuichetConfig config, SubjectTag tag, Notifier notifier, Clock clock) {
        this.config = config;
        this.tag = tag;
        this.notifier = notifier;
        this.actions = new TicketActions(config);
        this.replies = new Replies(notifier, actions, config.limits().newTicketsPerSenderPerHour());
        this.robots = new Robots(notifier, config.limits().newTicketsPerSenderPerHour());
        this.own = AutomaticMail.of(config);
        this.clock = clock;
        this.proofRequired = config.security().proofRequired(config.mail().demoServer());
        this.perSenderPerHour = config.limits().newTicketsPerSenderPerHour();
    }

    /**
     * How many more new tickets or {@code #mytickets} answers this sender may have this hour before being at the cap:
     * a batch holding fewer mails from the sender cannot reach it.
     */
    public int headroom(TicketTx tx, String sender) {
        Instant since = clock.instant().minus(HOUR);
        return perSenderPerHour - Math.max(tx.ticketsOpenedSince(sender, since),
                tx.answersSince(sender, Event.MY_TICKETS.template(), since));
    }

    /** Whether this sender is at the hourly cap of new tickets or of {@code #mytickets} answers: a cheap first look. */
    public boolean atTheCap(TicketTx tx, String sender) {
        Instant since = clock.instant().minus(HOUR);
        return tx.ticketsOpenedSince(sender, since) >= perSenderPerHour
                || tx.answersSince(sender, Event.MY_TICKETS.template(), since) >= perSenderPerHour;
    }

    /**
     * Why this mail is refused before it is read in full and stored (its attachments written): its sender is over
     * the hourly cap and the mail would open a ticket or ask for {@code #mytickets}. {@code headers} is the mail
     * read from its header block only, and {@code decision} routing's decision for it. The sender is told once.
     */
    public Optional<String> overTheCapEarly(TicketTx tx, InboundMail headers, Decision decision) {
        if (decision.automatic().isPresent() || decision.thread().isPresent() || headers.from().isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (decision.commands().has(MailCommand.Name.MY_TICKETS)) {
            return replies.overTheCap(tx, headers, now);
        }
        return robots.overTheCap(tx, headers, headers.from().get().address(), now);
    }

    /** Records the mail where it belongs, or says why it is quarantined; marks it handled either way. */
    public Applied apply(TicketTx tx, MailRecord record, InboundMail mail, Decision decision) {
        return apply(tx, record, mail, decision, List.of());
    }

    /**
     * The same, with attachments that were over {@code limits.max-attachment-bytes} and not stored: they are
     * left off the message, logged on the ticket, and named in the acknowledgement.
     */
    public Applied apply(TicketTx tx, MailRecord record, InboundMail mail, Decision decision,
            List<Attachment> leftOut) {
        Optional<MailRecord> current = tx.lockMail(record.id());
        if (current.isPresent() && current.get().state() == MailRecord.State.HANDLED) {
            // a copy of this mail, delivered to another of our mailboxes, was applied meanwhile by its intake
            return Applied.on(current.get().ticket());
        }
        Instant now = clock.instant();
        InboundMail kept = leftOut.isEmpty() ? mail : withoutAttachments(mail, leftOut);
        // all that this mail causes reaches each recipient as one notification
        Applied applied = notifier.gathered(tx, byPerson(tx, decision, now), now,
                () -> decide(tx, record, kept, decision, leftOut, now));
        if (applied.quarantine().isPresent()) {
            tx.markFailed(record.id(), applied.quarantine().get(), true, now);
            return applied;
        }
        applied.ticket().ifPresent(t -> leftOut.forEach(a -> tx.insertEvent(t, TicketEvent.of(now, SYSTEM,
                "attachment-left-out", a.name() + " (" + a.size() + " bytes) is over the attachment size limit"
                        + " and was not kept"))));
        tx.markHandled(record.id(), applied.ticket(), now);
        return applied;
    }

    private Applied decide(TicketTx tx, MailRecord record, InboundMail mail, Decision decision,
            List<Attachment> leftOut, Instant now) {
        if (decision.automatic().isPresent()) {
            Optional<Long> ticket = decision.thread().map(t -> t.ticket()).or(() -> robots.ticketOfReport(tx, decision));
            ticket.ifPresent(id -> keepAutomatic(tx, record, mail, decision, tx.ticket(id).orElseThrow(), now));
            return Applied.on(ticket);
        }
        if (decision.thread().isPresent()) {
            return Applied.on(Optional.of(followUp(tx, record, mail, decision,
                    tx.ticket(decision.thread().get().ticket()).orElseThrow(), now)));
        }
        if (decision.commands().has(MailCommand.Name.MY_TICKETS)) {
            Optional<String> over = replies.overTheCap(tx, mail, now);
            if (over.isPresent()) {
                return Applied.quarantined(over.get());
            }
            replies.myTickets(tx, mail, decision.sender().trustedAgent(), record.mailbox(), now);
            return Applied.on(Optional.empty());
        }
        if (decision.commands().has(MailCommand.Name.QUEUE)) {
            replies.queue(tx, mail, config, record.mailbox(), now);
            return Applied.on(Optional.empty());
        }
        Optional<String> overCap = robots.overTheCap(tx, mail, requester(mail).address(), now);
        if (overCap.isPresent()) {
            return Applied.quarantined(overCap.get());
        }
        return Applied.on(Optional.of(open(tx, record, mail, decision, leftOut, now)));
    }

    /**
     * Whether the mail is a person's own action, whose notifications are never dropped: someone opening a ticket,
     * or, on a ticket, an agent or the ticket's requester whose mail carries proof of its sender ({@code Proof}: the
     * token of their own reply address, or Authentication-Results). Anything else (automatic mail, an unverified
     * sender, a stranger on the thread) is braked by the per-ticket cap like automatic mail.
     */
    private static boolean byPerson(TicketTx tx, Decision decision, Instant now) {
        if (decision.automatic().isPresent()) {
            return false;
        }
        Permissions.Sender sender = decision.sender();
        if (decision.thread().isEmpty()) {
            return true;
        }
        if (!decision.proof().proven()) {
            return false;
        }
        long ticket = decision.thread().get().ticket();
        if (repeats(tx, ticket, sender.address(), decision.commands().rest(), now)) {
            return false;
        }
        return sender.trustedAgent() || tx.ticket(ticket)
                .filter(t -> t.requester().address().equalsIgnoreCase(sender.address())).isPresent();
    }

    /**
     * Whether the sender wrote the very same text on this ticket in the last ten minutes: what an auto-responder
     * does that no header gives away, and the sign of a loop; such a mail is braked like automatic mail.
     */
    private static boolean repeats(TicketTx tx, long ticket, String sender, String text, Instant now) {
        String said = text.strip();
        return !said.isEmpty() && tx.detail(ticket).map(d -> d.messages().stream().anyMatch(m
                -> m.from().address().equalsIgnoreCase(sender) && !m.date().isBefore(now.minus(LOOP_WINDOW))
                && m.text().strip().equals(said))).orElse(false);
    }

    /** The mail as it is kept: without the attachments too large to keep. */
    private static InboundMail withoutAttachments(InboundMail m, List<Attachment> leftOut) {
        List<Attachment> kept = m.attachments().stream().filter(a -> !leftOut.contains(a)).toList();
        return new InboundMail(m.from(), m.to(), m.cc(), m.replyTo(), m.date(), m.messageId(), m.inReplyTo(),
                m.references(), m.subject(), m.text(), m.newText(), m.html(), kept, m.headers(), m.problems(),
                m.reportText());
    }

    /** Automatic mail on a ticket is kept as a note: it notifies nobody and never reopens the ticket. */
    private void keepAutomatic(TicketTx tx, MailRecord record, InboundMail mail, Decision decision, Ticket ticket,
            Instant now) {
        String author = mail.from().map(MailAddress::address).orElse("unknown sender");
        tx.insertMessage(ticket.id(), message(record, mail, decision.commands().rest(), true, TicketMessage.Direction.IN, now));
        tx.insertEvent(ticket.id(), TicketEvent.of(now, author, "note",
                "automatic mail kept as a note (" + decision.automatic().get() + ")"));
        if (decision.deliveryReport().isPresent()) {
            robots.recordReport(tx, ticket.id(), decision, now);
        }
        tx.save(ticket.touched(now));
    }

    private long open(TicketTx tx, MailRecord record, InboundMail mail, Decision decision, List<Attachment> leftOut,
            Instant now) {
        MailAddress requester = requester(mail);
        String subject = tag.strip(mail.subject());
        NewTicket fields = new NewTicket(subject.isEmpty() ? "(no subject)" : subject, requester,
                decision.category(), decision.subcategory(), decision.service(), decision.priority(), now,
                decision.mentions(), record.mailbox());
        long id = tx.insertTicket(fields);
        Permissions.Sender sender = decision.sender();
        List<MailCommand> cmds = gated(decision);
        String text = decision.commands().rest();
        tx.insertMessage(id, message(record, mail, text, false,
                TicketMessage.Direction.IN, now));
        tx.insertEvent(id, TicketEvent.change(now, requester.address(), "created", null, Status.NEW.code(),
                "opened by mail " + mail.messageId().map(m -> "<" + m + ">").orElse("without Message-ID")));
        decision.mentions().ifPresent(old -> tx.insertEvent(id,
                TicketEvent.of(now, SYSTEM, "linked", "names ticket #" + old)));
        for (String reason : decision.reasons()) {
            tx.insertEvent(id, TicketEvent.of(now, SYSTEM, "routing", reason));
        }
        if (unverified(decision) && !cmds.isEmpty()) {
            tx.insertEvent(id, TicketEvent.of(now, SYSTEM, "unverified-sender", decision.proof().why()));
        }
        Ticket ticket = addCcObservers(tx, tx.ticket(id).orElseThrow(), mail, now);
        String actor = requester.address();
        if (tx.answersSince(actor, Event.ACKNOWLEDGEMENT.template(), now.minus(HOUR)) >= perSenderPerHour) {
            tx.insertEvent(id, TicketEvent.of(now, SYSTEM, "notification-capped", Event.ACKNOWLEDGEMENT.template()
                    + " not sent to " + actor + ": " + perSenderPerHour + " acknowledgements in the last hour already"));
        } else {
            notifier.tell(tx, Event.ACKNOWLEDGEMENT, ticket, actor, Optional.empty(), Notices.Content.of(Map.of(
                    "leftOut", leftOut.stream().map(a -> Map.of("name", Notices.oneLine(a.name()))).toList(),
                    "hasLeftOut", !leftOut.isEmpty())), now);
        }
        // the agents work from their mail client: the request reaches them whole, with its attachments
        notifier.tell(tx, Event.OPENED, ticket, actor, Optional.empty(), new Notices.Content(Map.of(
                "text", text.strip()), Optional.empty(), mail.attachments()), now);
        Actor who = actorOf(mail, sender, ticket);
        replies.runCommands(tx, ticket, cmds, who, mail, unproven(decision), now);
        return id;
    }

    private long followUp(TicketTx tx, MailRecord record, InboundMail mail, Decision decision, Ticket ticket,
            Instant now) {
        String author = mail.from().map(MailAddress::address).orElse("unknown sender");
        Permissions.Sender sender = decision.sender();
        List<MailCommand> cmds = gated(decision);
        Actor actor = actorOf(mail, sender, ticket);
        // fails closed: a refused or misplaced #internal still keeps the note from the requester
        boolean internal = decision.commands().internal();
        boolean unverified = unverified(decision);
        String text = decision.commands().rest();
        // an agent's answer goes out from the helpdesk, as in the helpdesks people know
        TicketMessage.Direction direction = actor.kind() == Actor.Kind.AGENT ? TicketMessage.Direction.OUT
                : TicketMessage.Direction.IN;
        tx.insertMessage(ticket.id(), message(record, mail, text, internal, direction, now));
        tx.insertEvent(ticket.id(), TicketEvent.of(now, author, internal ? "note" : "reply",
                (internal ? "internal note" : "reply") + " threaded by " + decision.thread().orElseThrow().by().code()
                        + (unverified ? ", from an unverified sender" : "")));
        if (unverified) {
            tx.insertEvent(ticket.id(), TicketEvent.of(now, SYSTEM, "unverified-sender", decision.proof().why()));
        }
        Ticket current = ticket.touched(now);
        tx.save(current);
        current = replies.runCommands(tx, current, cmds, actor, mail, unproven(decision), now);
        replies.relay(tx, current, actor, mail, text, internal, unverified, cmds, now);
        return ticket.id();
    }

    /** Whether proof is required and the mail gives none: it is recorded, marked, and its commands refused. */
    private boolean unverified(Decision decision) {
        return proofRequired && !decision.proof().proven();
    }

    private Optional<String> unproven(Decision decision) {
        return unverified(decision) ? Optional.of(decision.proof().why()) : Optional.empty();
    }

    /**
     * The commands as they may run: routing refuses an unproven sender's commands already; they are refused here
     * too, so that no decision, however it was made, applies a command without proof.
     */
    private List<MailCommand> gated(Decision decision) {
        List<MailCommand> cmds = decision.commands().list();
        if (!unverified(decision)) {
            return cmds;
        }
        return cmds.stream().map(c -> c.allowed() && c.name().role() != MailCommand.Role.ANYONE
                ? c.refused("#" + c.name().word() + " refused: nothing proves that this mail comes from its sender ("
                        + decision.proof().why() + ")")
                : c).toList();
    }

    private Ticket addCcObservers(TicketTx tx, Ticket ticket, InboundMail mail, Instant now) {
        if (!config.tickets().ccAsObservers()) {
            return ticket;
        }
        List<String> observers = new ArrayList<>(ticket.observers());
        for (MailAddress cc : mail.cc()) {
            String a = cc.address();
            if (!a.isEmpty() && !observers.contains(a) && !a.equals(ticket.requester().address()) && !own.isOwn(a)) {
                observers.add(a);
                tx.insertEvent(ticket.id(), TicketEvent.change(now, ticket.requester().address(), "observer-added",
                        null, a, "in Cc of the opening mail"));
            }
        }
        if (observers.size() == ticket.observers().size()) {
            return ticket;
        }
        Ticket changed = ticket.withObservers(observers, now);
        tx.save(changed);
        return changed;
    }

    private Actor actorOf(InboundMail mail, Permissions.Sender sender, Ticket ticket) {
        MailAddress from = requester(mail);
        Actor.Kind kind = sender.trustedAgent() ? Actor.Kind.AGENT
                : from.address().equals(ticket.requester().address()) ? Actor.Kind.REQUESTER : Actor.Kind.OTHER;
        return new Actor(from.address(), from.name(), kind);
    }

    /** A message is dated when Guichet received it: a forged Date header cannot reorder a ticket's story. */
    private static NewMessage message(MailRecord record, InboundMail mail, String text, boolean internal,
            TicketMessage.Direction direction, Instant now) {
        return new NewMessage(direction, Optional.of(record.id()), mail.messageId(),
                requester(mail), now, mail.subject(), text, internal, mail.attachments());
    }

    /** The sender, or where there is none the Reply-To; a mail with neither cannot be answered. */
    private static MailAddress requester(InboundMail mail) {
        return mail.from().or(() -> mail.replyTo().stream().findFirst())
                .orElseThrow(() -> new UnusableMail("the mail has no From or Reply-To address"));
    }
}
