package org.guichet.ticket;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.guichet.config.GuichetConfig;
import org.guichet.route.PlusAddress;
import org.guichet.route.SubjectTag;

/**
 * Writes the notifications about a ticket: subject tag, threading headers, reply address and text from
 * the templates. No value from a mail reaches a header without its line breaks removed.
 */
public final class Notices {
    private static final int MAX_REFERENCES = 20;
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

    /** The acknowledgement of a new ticket, to its requester. */
    public OutgoingMail acknowledgement(Ticket ticket, List<String> thread) {
        return acknowledgement(ticket, thread, List.of());
    }

    /** The same, naming the attachments left out because of their size (the template's {@code leftOut} section). */
    public OutgoingMail acknowledgement(Ticket ticket, List<String> thread, List<String> leftOutAttachments) {
        Map<String, Object> model = model(ticket);
        model.put("replyAddress", replyAddress(ticket.id()));
        model.put("leftOut", leftOutAttachments.stream().map(name -> Map.of("name", oneLine(name))).toList());
        model.put("hasLeftOut", !leftOutAttachments.isEmpty());
        return mail(ticket, "acknowledgement", ticket.requester().address(), thread, "auto-replied", model);
    }

    private Map<String, Object> model(Ticket ticket) {
        Map<String, Object> model = new HashMap<>();
        model.put("helpdesk", config.helpdesk().name());
        model.put("number", ticket.id());
        model.put("subject", ticket.subject());
        model.put("tag", tag.prefix(ticket.id()));
        model.put("requesterName", ticket.requester().name().isBlank()
                ? ticket.requester().address() : ticket.requester().name());
        model.put("category", ticket.subcategory().map(s -> ticket.category() + "/" + s).orElse(ticket.category()));
        model.put("service", config.service(ticket.service()).map(s -> s.name()).orElse(ticket.service()));
        model.put("priority", ticket.priority().code());
        model.put("status", ticket.status().code());
        return model;
    }

    private OutgoingMail mail(Ticket ticket, String event, String recipient, List<String> thread,
            String autoSubmitted, Map<String, Object> model) {
        Templates.Rendered body = templates.render(event, model);
        Optional<String> inReplyTo = thread.isEmpty() ? Optional.empty() : Optional.of(thread.get(thread.size() - 1));
        return new OutgoingMail(Optional.of(ticket.id()), event, recipient, newMessageId(ticket.id()), inReplyTo,
                lastReferences(thread), oneLine(config.helpdesk().name()), Optional.of(replyAddress(ticket.id())),
                oneLine(tag.subjectFor(ticket.id(), ticket.subject())), body.text(), Optional.of(body.html()),
                autoSubmitted);
    }

    private String replyAddress(long number) {
        return config.mail().plusAddressing() ? plus.addressFor(number) : config.helpdesk().address();
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

    private String newMessageId(long ticket) {
        String address = config.helpdesk().address();
        String domain = address.substring(address.lastIndexOf('@') + 1);
        return "guichet." + ticket + "." + UUID.randomUUID() + "@" + domain;
    }

    /** Removes line breaks and other control characters, so a value from a mail cannot add a header. */
    public static String oneLine(String value) {
        return value.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    }
}
