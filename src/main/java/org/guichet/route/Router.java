package org.guichet.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.guichet.config.Category;
import org.guichet.config.GuichetConfig;
import org.guichet.parse.InboundMail;
import org.guichet.parse.MailAddress;

/** Decides, for one parsed mail, whether it is automatic, which ticket it belongs to, and where it goes. */
public final class Router {
    private final GuichetConfig config;
    private final SubjectTag tag;
    private final PlusAddress plus;
    private final AutomaticMail automatic;
    private final CategoryRules categories;
    private final PriorityRules priorities = new PriorityRules();
    private final Permissions permissions;
    private final CommandParser commands = new CommandParser();
    private final SenderProof proofs;

    public Router(GuichetConfig config, SubjectTag tag, PlusAddress plus) {
        this(config, tag, plus, config.defaultCategory());
    }

    /** The router of one mailbox: its new tickets fall back on its own default category. */
    public Router(GuichetConfig config, SubjectTag tag, PlusAddress plus, String defaultCategory) {
        this.config = config;
        this.tag = tag;
        this.plus = plus;
        this.automatic = AutomaticMail.of(config);
        this.categories = new CategoryRules(config, plus, defaultCategory);
        this.permissions = new Permissions(config);
        this.proofs = new SenderProof(plus, config.security().trustedAuthservId());
    }

    public Decision decide(InboundMail mail, TicketDirectory tickets) {
        List<String> reasons = new ArrayList<>();
        Optional<String> robot = automatic.reason(mail);
        robot.ifPresent(r -> reasons.add("automatic mail: " + r));
        Optional<ThreadMatch> thread = Optional.empty();
        Optional<TicketRef> onTicket = Optional.empty();
        Optional<Long> mentions = Optional.empty();
        Optional<Found> found = byPlusAddress(mail, tickets)
                .or(() -> byReferences(mail, tickets))
                .or(() -> bySubject(mail, tickets, reasons));
        if (found.isPresent() && found.get().ticket().open()) {
            thread = Optional.of(new ThreadMatch(found.get().ticket().id(), found.get().by()));
            onTicket = Optional.of(found.get().ticket());
            reasons.add("follow-up of ticket #" + found.get().ticket().id() + " by " + found.get().by().code());
        } else if (found.isPresent()) {
            mentions = Optional.of(found.get().ticket().id());
            reasons.add("ticket #" + found.get().ticket().id() + " is closed: a new ticket is opened that names it");
        } else {
            mentions = tag.find(mail.subject());
        }
        // Category and priority are decided for follow-ups too, so that a dry run shows them, but only a new
        // ticket takes them: a follow-up keeps its ticket's.
        CategoryChoice category = categories.choose(mail);
        reasons.add(category.reason());
        PriorityChoice priority = priorities.choose(mail, reasons);
        reasons.add(priority.reason());
        Proof proof = proofs.of(mail, onTicket.map(TicketRef::id));
        Permissions.Sender sender = permissions.sender(mail, proof);
        return new Decision(robot, thread, mentions, category.category().name(),
                category.subcategory().map(Category::name), category.service(), priority.priority(), reasons,
                automatic.deliveryReport(mail), sender, commands(mail, robot.isPresent(), onTicket, sender), proof);
    }

    /**
     * The commands, read once here for the daemon and for {@code guichet route} alike. Automatic mail runs none
     * and is kept as received; a follow-up's commands are read from its new text only and checked against its
     * ticket; a mail whose subject is {@code #mytickets} asks for the list and does nothing else.
     */
    private Commands commands(InboundMail mail, boolean automatic, Optional<TicketRef> ticket,
            Permissions.Sender sender) {
        if (automatic) {
            return Commands.none(mail.newText());
        }
        String body = ticket.isPresent() ? mail.newText() : mail.text();
        Commands read = commands.read(ticket.isPresent() ? "" : mail.subject(), body);
        if (read.has(MailCommand.Name.MY_TICKETS) || read.has(MailCommand.Name.QUEUE) && sender.trustedAgent()) {
            return new Commands(read.list().subList(0, 1), read.rest());
        }
        if (read.has(MailCommand.Name.QUEUE)) {
            // the queue is for agents: anyone else's "#queue" is an ordinary mail
            read = new Commands(read.list().subList(1, read.list().size()), read.rest());
        }
        List<MailCommand> list = new ArrayList<>(read.list());
        // #internal fails closed: a line further down (after a greeting) marks the note too, and is checked as a
        // command, so that a sender who may not write internal notes is told
        if (list.stream().noneMatch(c -> c.name() == MailCommand.Name.INTERNAL)) {
            read.rest().lines().filter(CommandParser::isInternalLine).findFirst()
                    .ifPresent(line -> list.add(CommandParser.parse(line.strip())));
        }
        return new Commands(permissions.check(list, sender, ticket), read.rest());
    }

    private record Found(TicketRef ticket, ThreadMatch.By by) {
    }

    private Optional<Found> byPlusAddress(InboundMail mail, TicketDirectory tickets) {
        if (!config.mail().plusAddressing()) {
            return Optional.empty();
        }
        String sender = mail.from().map(MailAddress::address).orElse("");
        List<String> addresses = Stream.concat(mail.to().stream(), mail.cc().stream()).map(MailAddress::address)
                .toList();
        Optional<TicketRef> valid = addresses.stream()
                .map(a -> plus.ticketOf(a, sender))
                .flatMap(Optional::stream)
                .map(tickets::byNumber)
                .flatMap(Optional::stream)
                .findFirst();
        // A made-up or someone else's token names a ticket too, but threads only for people who take part in it.
        return valid.or(() -> addresses.stream()
                        .map(plus::numberOf)
                        .flatMap(Optional::stream)
                        .map(tickets::byNumber)
                        .flatMap(Optional::stream)
                        .filter(t -> t.hasParticipant(sender) || isAgentOf(t.service(), sender))
                        .findFirst())
                .map(t -> new Found(t, ThreadMatch.By.PLUS_ADDRESS));
    }

    private Optional<Found> byReferences(InboundMail mail, TicketDirectory tickets) {
        List<String> ids = new ArrayList<>(mail.inReplyTo());
        ids.addAll(mail.references());
        return ids.isEmpty() ? Optional.empty()
                : tickets.byMessageIds(ids).map(t -> new Found(t, ThreadMatch.By.REFERENCES));
    }

    private Optional<Found> bySubject(InboundMail mail, TicketDirectory tickets, List<String> reasons) {
        Optional<TicketRef> named = tag.find(mail.subject()).flatMap(tickets::byNumber);
        if (named.isEmpty()) {
            return Optional.empty();
        }
        String sender = mail.from().map(MailAddress::address).orElse("");
        TicketRef ticket = named.get();
        if (ticket.hasParticipant(sender) || isAgentOf(ticket.service(), sender)) {
            return Optional.of(new Found(ticket, ThreadMatch.By.SUBJECT));
        }
        reasons.add("subject names ticket #" + ticket.id() + " but " + (sender.isEmpty() ? "the sender" : sender)
                + " takes no part in it: a new ticket is opened");
        return Optional.empty();
    }

    private boolean isAgentOf(String serviceId, String address) {
        return config.service(serviceId).map(s -> s.agents().contains(address)).orElse(false);
    }
}
