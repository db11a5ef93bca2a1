package org.guichet.ticket;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.guichet.config.GuichetConfig;
import org.guichet.parse.Attachment;
import org.guichet.parse.AttachmentSink;
import org.guichet.parse.MailAddress;
import org.guichet.route.MailCommand;

/**
 * The administrator acting on tickets from the command line: the same actions, rules, event log and
 * notifications as an agent's commands by mail (SPEC section 6), the actor being {@code admin:NAME}. A refused
 * action throws {@link AdminRefusal} inside its transaction: nothing of it is kept.
 */
public final class Administration {
    /** How the administrator is named in the event log: {@code admin:} and the name given with {@code --as}. */
    public static final String ACTOR_PREFIX = "admin:";
    private final GuichetConfig config;
    private final TicketStore tickets;
    private final TicketActions actions;
    private final ChangeRecorder recorder;
    private final Notifier notifier;
    private final AttachmentSink files;
    private final Clock clock;

    public Administration(GuichetConfig config, TicketStore tickets, Notifier notifier, AttachmentSink files,
            Clock clock) {
        this.config = config;
        this.tickets = tickets;
        this.actions = new TicketActions(config);
        this.recorder = new ChangeRecorder(notifier);
        this.notifier = notifier;
        this.files = files;
        this.clock = clock;
    }

    /**
     * The administrator as an actor: an agent's rights, named {@code admin:NAME} in the event log and NAME in the
     * notifications. NAME is checked: it reaches the event log and the mails.
     */
    public static Actor actor(String name) {
        String n = name.strip().replaceAll("\\s+", " ");
        if (!n.matches("[\\p{L}\\p{N} ._@+'-]{1,64}")) {
            throw new AdminRefusal("--as '" + Notices.oneLine(name) + "' is not a name: use letters, digits, spaces"
                    + " and . _ - @ + ' (at most 64)");
        }
        return new Actor(ACTOR_PREFIX + n, n, Actor.Kind.AGENT);
    }

    public Ticket assign(long number, String agent, Actor admin) {
        return command(number, MailCommand.Name.ASSIGN, agent, admin);
    }

    public Ticket status(long number, String status, Actor admin) {
        return inTx(tx -> {
            Ticket t = open(tx, number);
            // an agent's #status assigned takes the ticket; the administrator names who must take it
            if (Status.parse(status).filter(s -> s == Status.ASSIGNED).isPresent() && t.assignee().isEmpty()) {
                throw new AdminRefusal("ticket #" + number + " has no assignee: guichet assign " + number
                        + " ADDRESS gives it one");
            }
            return apply(tx, t, MailCommand.Name.STATUS, status, admin);
        });
    }

    public Ticket transfer(long number, String categoryPath, Actor admin) {
        return command(number, MailCommand.Name.TRANSFER, categoryPath, admin);
    }

    public Ticket priority(long number, String level, Actor admin) {
        return command(number, MailCommand.Name.PRIORITY, level, admin);
    }

    /** An internal message: kept on the ticket, sent to its agents only (as {@code #internal} by mail). */
    public Ticket note(long number, String text, Actor admin) {
        return message(number, text, List.of(), true, admin);
    }

    /** An answer to the requester, with files: kept on the ticket and relayed as an agent's reply. */
    public Ticket reply(long number, String text, List<Path> attachments, Actor admin) {
        return message(number, text, attachments, false, admin);
    }

    /** The open tickets assigned to {@code from} given to {@code to}, who must be an agent; their numbers. */
    public List<Long> reassign(String from, String to, Actor admin) {
        String leaving = from.strip().toLowerCase(Locale.ROOT);
        String taking = to.strip().toLowerCase(Locale.ROOT);
        if (!config.isAgent(taking)) {
            throw new AdminRefusal(taking + " is not an agent of any service");
        }
        if (leaving.equals(taking)) {
            throw new AdminRefusal("--from and --to are the same agent");
        }
        return inTx(tx -> {
            List<Long> moved = new ArrayList<>();
            for (TicketSummary s : tx.list(new TicketFilter(Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of(leaving)))) {
                Ticket t = s.ticket();
                if (!t.status().isFinal()) {
                    apply(tx, t, MailCommand.Name.ASSIGN, taking, admin);
                    moved.add(t.id());
                }
            }
            return moved;
        });
    }

    private Ticket command(long number, MailCommand.Name name, String arg, Actor admin) {
        return inTx(tx -> apply(tx, open(tx, number), name, arg, admin));
    }

    private Ticket apply(TicketTx tx, Ticket t, MailCommand.Name name, String arg, Actor admin) {
        MailCommand c = new MailCommand(name.word() + " " + arg, name, List.of(arg), true, Optional.empty());
        Outcome outcome = actions.apply(t, c, admin, clock.instant());
        if (outcome.refusal().isPresent()) {
            throw new AdminRefusal("ticket #" + t.id() + ": " + outcome.refusal().get());
        }
        return recorder.record(tx, outcome, clock.instant());
    }

    private Ticket message(long number, String text, List<Path> paths, boolean internal, Actor admin) {
        if (text.isBlank()) {
            throw new AdminRefusal("the message is empty");
        }
        return inTx(tx -> {
            Ticket t = open(tx, number);
            Instant now = clock.instant();
            List<Attachment> stored = store(paths);
            MailAddress author = new MailAddress(config.helpdesk().address(), admin.name() + " (administrator)");
            tx.insertMessage(t.id(), new NewMessage(TicketMessage.Direction.OUT, Optional.empty(), Optional.empty(),
                    author, now, t.subject(), text.strip(), internal, stored));
            tx.insertEvent(t.id(), TicketEvent.of(now, admin.address(), internal ? "note" : "reply",
                    (internal ? "internal note" : "reply") + " written from the command line"
                            + (stored.isEmpty() ? "" : " with " + stored.size() + " attachment(s)")));
            Ticket current = internal ? t.touched(now) : t.answered(now);
            tx.save(current);
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("actorName", admin.shownName());
            model.put("actor", admin.address());
            model.put("text", text.strip());
            notifier.tell(tx, internal ? Event.INTERNAL_NOTE : Event.AGENT_REPLY, current, admin.address(),
                    Optional.empty(), new Notices.Content(model, internal ? Optional.empty()
                            : Optional.of(admin.shownName()), stored), now);
            return current;
        });
    }

    /** Keeps each file in the attachment store, as a mail's attachment is kept. */
    private List<Attachment> store(List<Path> paths) {
        List<Attachment> stored = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
                throw new AdminRefusal("cannot read " + Notices.oneLine(p.toString()) + ": no such readable file");
            }
            try (InputStream in = Files.newInputStream(p)) {
                if (Files.size(p) > config.limits().maxAttachmentBytes()) {
                    throw new AdminRefusal(Notices.oneLine(p.toString()) + " is over limits.max-attachment-bytes ("
                            + config.limits().maxAttachmentBytes() + " bytes)");
                }
                String type = contentType(p);
                stored.add(Attachment.file(String.valueOf(p.getFileName()), type, files.store(in)));
            } catch (IOException e) {
                throw new AdminRefusal("cannot keep " + Notices.oneLine(p.toString()) + ": " + e.getMessage());
            }
        }
        return stored;
    }

    private static String contentType(Path p) throws IOException {
        String probed = Files.probeContentType(p);
        String type = probed == null ? "" : probed.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.matches("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+") ? type : "application/octet-stream";
    }

    /** A ticket that can still change: one that exists and is neither closed nor cancelled. */
    private static Ticket open(TicketTx tx, long number) {
        Ticket t = tx.ticket(number).orElseThrow(() -> new AdminRefusal("no ticket #" + number
                + ": guichet tickets lists them"));
        if (t.status().isFinal()) {
            throw new AdminRefusal("ticket #" + number + " is " + t.status().code() + ", which is final");
        }
        return t;
    }

    private <T> T inTx(Function<TicketTx, T> work) {
        return tickets.inTransaction(work);
    }
}
