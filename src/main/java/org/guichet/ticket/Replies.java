package org.guichet.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.guichet.config.GuichetConfig;
import org.guichet.config.Service;
import org.guichet.parse.InboundMail;
import org.guichet.route.MailCommand;

/**
 * What follows from a person's mail on a ticket: its commands run in order (the refused ones answered in one
 * mail), a requester's reply reopening a waiting or resolved ticket, and the reply relayed to those who
 * should read it.
 */
final class Replies {
    private static final int QUEUE_MAX = 50;
    private static final Duration HOUR = Duration.ofHours(1);
    /** The most tickets a {@code #mytickets} answer lists; the rest are counted. */
    static final int MAX_LISTED = 50;
    private final Notifier notifier;
    private final TicketActions actions;
    private final ChangeRecorder recorder;
    private final int perSenderPerHour;

    Replies(Notifier notifier, TicketActions actions) {
        this(notifier, actions, Integer.MAX_VALUE);
    }

    Replies(Notifier notifier, TicketActions actions, int perSenderPerHour) {
        this.notifier = notifier;
        this.actions = actions;
        this.recorder = new ChangeRecorder(notifier);
        this.perSenderPerHour = perSenderPerHour;
    }

    /** Runs the commands; returns the ticket after them. */
    Ticket runCommands(TicketTx tx, Ticket ticket, List<MailCommand> commands, Actor actor, InboundMail mail,
            Instant now) {
        return runCommands(tx, ticket, commands, actor, mail, Optional.empty(), now);
    }

    /**
     * The same; {@code unproven} says why nothing proves the mail's sender, and the one refusal mail then says how
     * to act instead: reply to a notification, whose reply address is the recipient's own.
     */
    Ticket runCommands(TicketTx tx, Ticket ticket, List<MailCommand> commands, Actor actor, InboundMail mail,
            Optional<String> unproven, Instant now) {
        Ticket current = ticket;
        List<Map<String, Object>> refused = new ArrayList<>();
        for (MailCommand c : commands) {
            Outcome outcome = c.allowed() ? actions.apply(current, c, actor, now)
                    : Outcome.refused(current, c.why().orElse("not allowed"));
            current = recorder.record(tx, outcome, now);
            outcome.refusal().ifPresent(why -> {
                refused.add(Map.of("line", c.line(), "why", why));
                tx.insertEvent(ticket.id(), TicketEvent.of(now, actor.address(), "command-refused", c.line() + ": " + why));
            });
        }
        if (!refused.isEmpty()) {
            notifier.tell(tx, Event.COMMAND_REFUSED, current, actor.address(), Optional.empty(), Notices.Content.of(
                    Map.of("refused", refused, "actorName", actor.shownName(), "unproven", unproven.isPresent(),
                            "unprovenWhy", unproven.orElse(""))), now);
        }
        return current;
    }

    /** Reopens the ticket when its requester writes again, and relays the message to whom it concerns. */
    void relay(TicketTx tx, Ticket ticket, Actor actor, InboundMail mail, String text, boolean internal,
            List<MailCommand> commands, Instant now) {
        relay(tx, ticket, actor, mail, text, internal, false, commands, now);
    }

    /**
     * The same; an {@code unverified} sender's message is marked so, and its attachments reach agents only. An
     * internal note goes to agents only whoever wrote it; any other message is cut where it quotes an internal
     * note, and a message that only quoted one is not relayed at all.
     */
    void relay(TicketTx tx, Ticket ticket, Actor actor, InboundMail mail, String text, boolean internal,
            boolean unverified, List<MailCommand> commands, Instant now) {
        Ticket current = ticket;
        boolean closing = commands.stream().anyMatch(c -> c.allowed()
                && (c.name() == MailCommand.Name.CLOSE || c.name() == MailCommand.Name.CANCEL));
        if (actor.kind() == Actor.Kind.REQUESTER && !closing
                && (current.status() == Status.WAITING || current.status() == Status.RESOLVED)) {
            current = recorder.record(tx, actions.changeStatus(current, Status.ASSIGNED, actor, now), now);
        }
        // the ticket's notes are read only when there is a quote to look at
        String relayed = internal || !InternalQuotes.quotes(text) ? text
                : InternalQuotes.cut(text, internalNotes(tx, ticket.id()));
        if (relayed.isBlank()) {
            return;
        }
        Event event = internal ? Event.INTERNAL_NOTE : switch (actor.kind()) {
            case AGENT -> Event.AGENT_REPLY;
            case REQUESTER -> Event.REQUESTER_REPLY;
            case OTHER, SYSTEM -> Event.PARTICIPANT_REPLY;
        };
        if (event == Event.AGENT_REPLY) {
            current = current.answered(now);
            tx.save(current);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("actorName", actor.shownName());
        model.put("actor", actor.address());
        model.put("text", relayed.strip());
        if (unverified) {
            model.put("unverified", true);
            model.put(Notices.AGENTS_ONLY_ATTACHMENTS, true);
        }
        Notices.Content content = new Notices.Content(model,
                event == Event.AGENT_REPLY ? Optional.of(actor.shownName()) : Optional.empty(), mail.attachments());
        notifier.tell(tx, event, current, actor.address(), Optional.empty(), content, now);
    }

    /** The text of the ticket's internal notes, to find them quoted in a reply. */
    private static List<String> internalNotes(TicketTx tx, long ticket) {
        return tx.detail(ticket).map(d -> d.messages().stream().filter(TicketMessage::internal)
                .map(TicketMessage::text).toList()).orElse(List.of());
    }

    /**
     * Why the sender gets no more {@code #mytickets} answers this hour: the answers count against the same hourly
     * cap as new tickets ({@code limits.new-tickets-per-sender-per-hour}). Nothing when they may have one.
     */
    Optional<String> overTheCap(TicketTx tx, InboundMail mail, Instant now) {
        String sender = sender(mail);
        int answered = tx.answersSince(sender, Event.MY_TICKETS.template(), now.minus(HOUR));
        return answered < perSenderPerHour ? Optional.empty()
                : Optional.of(sender + " was sent " + answered + " #mytickets answers in the last hour, the most"
                        + " allowed (limits.new-tickets-per-sender-per-hour)");
    }

    private static String sender(InboundMail mail) {
        return mail.from().map(a -> a.address().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new UnusableMail("the mail has no From"));
    }

    /**
     * The answer to {@code #mytickets}: the sender's tickets with their status, newest first, at most 50; for a
     * verified agent, the tickets assigned to them.
     */
    /** {@code mailbox}: the one the asking mail came in through, which answers it. */
    void myTickets(TicketTx tx, InboundMail mail, boolean agent, Optional<String> mailbox, Instant now) {
        String sender = sender(mail);
        List<Map<String, Object>> rows = new ArrayList<>();
        List<TicketSummary> all = new ArrayList<>(tx.list(new TicketFilter(Optional.empty(), Optional.empty(),
                agent ? Optional.empty() : Optional.of(sender), agent ? Optional.of(sender) : Optional.empty())));
        all.sort(Comparator.comparingLong((TicketSummary s) -> s.ticket().id()).reversed());
        for (TicketSummary s : all.subList(0, Math.min(all.size(), MAX_LISTED))) {
            Ticket t = s.ticket();
            rows.add(Map.of("number", t.id(), "subject", t.subject(),
                    "status", notifier.notices().label("status." + t.status().code()),
                    "updated", t.updated().toString().substring(0, 10)));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("tickets", rows);
        model.put("none", rows.isEmpty());
        model.put("count", all.size());
        model.put("more", Math.max(0, all.size() - rows.size()));
        model.put("hasMore", all.size() > rows.size());
        notifier.tellOne(tx, notifier.notices().standalone(Event.MY_TICKETS, sender, "Re: " + mail.subject(),
                mail.messageId(), model).from(mailbox), now);
    }

    /**
     * The answer to {@code #queue}: the open tickets of the agent's services, unassigned first, then theirs, then
     * the rest, each part highest priority first then oldest; at most {@value #QUEUE_MAX}, with a count of the rest.
     */
    void queue(TicketTx tx, InboundMail mail, GuichetConfig config, Optional<String> mailbox, Instant now) {
        String agent = mail.from().map(a -> a.address()).orElseThrow(() -> new UnusableMail("the mail has no From"));
        List<Ticket> open = new ArrayList<>();
        for (Service service : config.services()) {
            if (service.agents().stream().noneMatch(agent::equalsIgnoreCase)) {
                continue;
            }
            for (Status status : List.of(Status.NEW, Status.ASSIGNED, Status.WAITING)) {
                tx.list(new TicketFilter(Optional.of(status), Optional.of(service.id()), Optional.empty(),
                        Optional.empty())).forEach(s -> open.add(s.ticket()));
            }
        }
        open.sort(Comparator.comparingInt((Ticket t) -> t.assignee().isEmpty() ? 0
                        : t.assignee().get().equalsIgnoreCase(agent) ? 1 : 2)
                .thenComparing(Comparator.comparingInt((Ticket t) -> t.priority().rank()).reversed())
                .thenComparing(Ticket::created).thenComparingLong(Ticket::id));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Ticket t : open.subList(0, Math.min(QUEUE_MAX, open.size()))) {
            rows.add(Map.of("number", t.id(), "subject", t.subject(),
                    "status", notifier.notices().label("status." + t.status().code()),
                    "priority", notifier.notices().label("priority." + t.priority().code()),
                    "assignee", t.assignee().orElse("-"), "requester", t.requester().address()));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("tickets", rows);
        model.put("none", rows.isEmpty());
        model.put("count", open.size());
        model.put("more", Math.max(0, open.size() - QUEUE_MAX));
        model.put("hasMore", open.size() > QUEUE_MAX);
        notifier.tellOne(tx, notifier.notices().standalone(Event.QUEUE, agent, "Re: " + mail.subject(),
                mail.messageId(), model).from(mailbox), now);
    }
}
