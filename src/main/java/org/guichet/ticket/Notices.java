package org.guichet.ticket;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.guichet.config.GuichetConfig;
import org.guichet.config.MailboxSettings;
import org.guichet.parse.Attachment;
import org.guichet.route.PlusAddress;
import org.guichet.route.SubjectTag;

/**
 * Writes the notifications about a ticket: subject tag, threading headers, reply address and text from the
 * templates. No value from a mail reaches a header without its line breaks removed.
 */
public final class Notices {
    private static final int MAX_REFERENCES = 20;
    /**
     * A key of {@link Content#model()}: the attachments go to agents only, since nothing proves who sent them
     * (SPEC section 6); others are told how many were withheld.
     */
    public static final String AGENTS_ONLY_ATTACHMENTS = "attachmentsForAgentsOnly";
    private final GuichetConfig config;
    private final SubjectTag tag;
    private final PlusAddress plus;
    private final Templates templates;

    public Notices(GuichetConfig config, SubjectTag tag, PlusAddress plus, Templates templates) {
        this.config = config;
        this.tag = tag;
        this.plus = plus;
        this.templates = templates;
    }

    /** What one notification says beyond the ticket itself, and who signs it. */
    public record Content(Map<String, Object> model, Optional<String> signer, List<Attachment> attachments) {
        public Content {
            model = Map.copyOf(model);
            attachments = List.copyOf(attachments);
        }

        public static Content of(Map<String, Object> model) {
            return new Content(model, Optional.empty(), List.of());
        }
    }

    /** One notification about a ticket to one recipient, threaded after the ticket's earlier mails. */
    public OutgoingMail about(Event event, Ticket ticket, String recipient, List<String> thread, Content content) {
        // the mailbox the ticket came in through answers it: its address, its reply addresses, its server
        MailboxSettings mailbox = config.mailboxOf(ticket.mailbox());
        Map<String, Object> model = model(ticket, mailbox);
        model.put("forRequester", recipient.equalsIgnoreCase(ticket.requester().address()));
        model.putAll(worded(content.model()));
        // each recipient gets their own reply address: replying to it proves who they are
        model.put("replyAddress", replyAddress(mailbox, ticket.id(), recipient));
        boolean withheld = Boolean.TRUE.equals(content.model().get(AGENTS_ONLY_ATTACHMENTS))
                && !content.attachments().isEmpty() && !config.isAgent(recipient);
        model.put("withheldAttachments", withheld ? content.attachments().size() : 0);
        model.put("hasWithheldAttachments", withheld);
        Templates.Rendered body = templates.render(event.template(), model);
        Optional<String> inReplyTo = thread.isEmpty() ? Optional.empty() : Optional.of(thread.get(thread.size() - 1));
        String from = content.signer().map(s -> s + " via " + config.helpdesk().name()).orElse(config.helpdesk().name());
        return new OutgoingMail(Optional.of(ticket.id()), event.template(), recipient,
                newMessageId(mailbox, ticket.id()), inReplyTo, lastReferences(thread), oneLine(from),
                Optional.of(replyAddress(mailbox, ticket.id(), recipient)),
                oneLine(tag.subjectFor(ticket.id(), ticket.subject())), body.text(), Optional.of(body.html()),
                event.autoSubmitted(), withheld ? List.of() : content.attachments(),
                ticket.mailbox().map(n -> mailbox.name()));
    }

    /**
     * The notifications held for one recipient, as one digest: their texts in order, their attachments. When they
     * are all about one ticket, the digest is threaded like them; otherwise each part names its ticket.
     */
    public OutgoingMail heldDigest(List<OutgoingMail> held, int ceiling) {
        OutgoingMail first = held.get(0);
        long tickets = held.stream().map(OutgoingMail::ticket).distinct().count();
        if (tickets > 1) {
            first = new OutgoingMail(Optional.empty(), first.event(), first.recipient(), first.messageId(),
                    Optional.empty(), List.of(), first.fromName(), Optional.empty(),
                    oneLine(config.helpdesk().name() + ": " + held.size() + " notifications about " + tickets
                            + " tickets"), first.text(), first.html(), first.autoSubmitted(), List.of(), first.mailbox());
        }
        Map<String, Object> model = new HashMap<>();
        model.put("helpdesk", config.helpdesk().name());
        model.put("number", first.ticket().orElse(0L));
        model.put("single", tickets == 1);
        model.put("tickets", tickets);
        model.put("count", held.size());
        model.put("ceiling", ceiling);
        model.put("parts", held.stream().map(m -> Map.of("text", m.text().strip(), "html", m.html().orElse(""))).toList());
        Templates.Rendered body = templates.render("held-digest", model);
        List<Attachment> attachments = new ArrayList<>();
        held.forEach(m -> m.attachments().stream().filter(a -> !attachments.contains(a)).forEach(attachments::add));
        return new OutgoingMail(first.ticket(), "held-digest", first.recipient(),
                newMessageId(config.mailboxOf(first.mailbox()), first.ticket().orElse(0L)),
                first.inReplyTo(), first.references(), oneLine(config.helpdesk().name()), first.replyTo(),
                first.subject(), body.text(), Optional.of(body.html()), Event.STATUS_CHANGED.autoSubmitted(),
                attachments, first.mailbox());
    }

    /**
     * What a newcomer to the ticket (a new assignee, the agents of the service it was transferred to, an invited
     * colleague) needs to work on it: the original request, the last three messages (internal notes to agents
     * only), the observers, and its attachments, attached up to {@code maxForwardBytes} in all, listed past it.
     */
    public Content briefing(Content content, TicketDetail detail, boolean forAgent, long maxForwardBytes) {
        List<TicketMessage> visible = detail.messages().stream().filter(m -> forAgent || !m.internal()).toList();
        Map<String, Object> brief = new HashMap<>();
        brief.put("request", visible.isEmpty() ? "" : visible.get(0).text().strip());
        // a mail of commands only (the #assign itself) has nothing to read
        List<TicketMessage> later = visible.size() <= 1 ? List.of()
                : visible.subList(1, visible.size()).stream().filter(m -> !m.text().isBlank()).toList();
        List<Map<String, Object>> recent = new ArrayList<>();
        for (TicketMessage m : later.subList(Math.max(0, later.size() - 3), later.size())) {
            recent.add(Map.of("from", m.from().name().isBlank() ? m.from().address()
                    : m.from().name() + " <" + m.from().address() + ">", "date", m.date().toString().substring(0, 16)
                    .replace('T', ' '), "text", m.text().strip(), "internal", m.internal()));
        }
        brief.put("recent", recent);
        brief.put("hasRecent", !recent.isEmpty());
        List<String> observers = detail.summary().ticket().observers();
        brief.put("observers", observers.isEmpty() ? "-" : String.join(", ", observers));
        List<Attachment> attached = new ArrayList<>(content.attachments());
        List<Map<String, Object>> listed = new ArrayList<>();
        long total = attached.stream().mapToLong(Attachment::size).sum();
        for (TicketMessage m : visible) {
            for (Attachment a : m.attachments()) {
                if (attached.contains(a)) {
                    continue;
                }
                if (total + a.size() <= maxForwardBytes) {
                    attached.add(a);
                    total += a.size();
                } else {
                    listed.add(Map.of("name", oneLine(a.name()), "size", size(a.size())));
                }
            }
        }
        brief.put("listed", listed);
        brief.put("hasListed", !listed.isEmpty());
        Map<String, Object> model = new HashMap<>(content.model());
        model.put("brief", brief);
        return new Content(model, content.signer(), attached);
    }

    /** A size as people read it: 734 bytes, 12 KiB, 14.2 MiB. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return (bytes / 1024) + " KiB";
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }

    /** A mail that concerns no one ticket (the list of one's tickets, a refusal before any ticket). */
    public OutgoingMail standalone(Event event, String recipient, String subject, Optional<String> inReplyTo,
            Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("helpdesk", config.helpdesk().name());
        Templates.Rendered body = templates.render(event.template(), model);
        return new OutgoingMail(Optional.empty(), event.template(), recipient,
                newMessageId(config.primaryMailbox(), 0), inReplyTo,
                inReplyTo.map(List::of).orElse(List.of()), oneLine(config.helpdesk().name()), Optional.empty(),
                oneLine(subject), body.text(), Optional.of(body.html()), event.autoSubmitted(), List.of());
    }

    /** The facts that are codes, and the words of the helpdesk's language for them: codes become words here only. */
    private Map<String, Object> worded(Map<String, Object> facts) {
        Map<String, Object> worded = new HashMap<>(facts);
        facts.forEach((key, value) -> {
            if (key.endsWith("Status")) {
                worded.put(key, templates.label("status." + value));
            } else if (key.endsWith("Priority")) {
                worded.put(key, templates.label("priority." + value));
            } else if (key.equals("oldService")) {
                worded.put(key, serviceName(String.valueOf(value)));
            }
        });
        return worded;
    }

    public String label(String key) {
        return templates.label(key);
    }

    private Map<String, Object> model(Ticket ticket, MailboxSettings mailbox) {
        Map<String, Object> model = new HashMap<>();
        model.put("helpdesk", config.helpdesk().name());
        model.put("address", mailbox.address());
        model.put("number", ticket.id());
        model.put("subject", ticket.subject());
        model.put("tag", tag.prefix(ticket.id()));
        model.put("requesterName", ticket.requester().name().isBlank()
                ? ticket.requester().address() : ticket.requester().name());
        model.put("requester", ticket.requester().address());
        model.put("category", ticket.categoryPath());
        model.put("service", serviceName(ticket.service()));
        model.put("priority", templates.label("priority." + ticket.priority().code()));
        model.put("status", templates.label("status." + ticket.status().code()));
        model.put("assignee", ticket.assignee().orElse(""));
        return model;
    }

    public String serviceName(String serviceId) {
        return config.service(serviceId).map(s -> s.name()).orElse(serviceId);
    }

    private String replyAddress(MailboxSettings mailbox, long number, String recipient) {
        return config.mail().plusAddressing() ? plus.at(mailbox.address()).addressFor(number, recipient)
                : mailbox.address();
    }

    /** The first mail of the thread and the latest ones: enough for every client to thread, bounded in size. */
    private static List<String> lastReferences(List<String> thread) {
        if (thread.size() <= MAX_REFERENCES) {
            return thread;
        }
        List<String> kept = new ArrayList<>();
        kept.add(thread.get(0));
        kept.addAll(thread.subList(thread.size() - MAX_REFERENCES + 1, thread.size()));
        return kept;
    }

    private static String newMessageId(MailboxSettings mailbox, long ticket) {
        String address = mailbox.address();
        String domain = address.substring(address.lastIndexOf('@') + 1);
        return "guichet." + ticket + "." + UUID.randomUUID() + "@" + domain;
    }

    /** Removes line breaks and other control characters, so a value from a mail cannot add a header. */
    public static String oneLine(String value) {
        return value.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    }
}
