package org.guichet.ticket;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.guichet.parse.Attachment;

/**
 * A notification ready to be sent, as written to the outbox; {@code mailbox} sends it (none: the first one). Its Message-ID is fixed when it is written, so a
 * second delivery after a crash carries the same one and mail clients show a single mail.
 */
public record OutgoingMail(
        Optional<Long> ticket,
        String event,
        String recipient,
        String messageId,
        Optional<String> inReplyTo,
        List<String> references,
        String fromName,
        Optional<String> replyTo,
        String subject,
        String text,
        Optional<String> html,
        String autoSubmitted,
        List<Attachment> attachments,
        Optional<String> mailbox) {

    /** From the first mailbox: its address in From, its SMTP server. */
    public OutgoingMail(Optional<Long> ticket, String event, String recipient, String messageId,
            Optional<String> inReplyTo, List<String> references, String fromName, Optional<String> replyTo,
            String subject, String text, Optional<String> html, String autoSubmitted, List<Attachment> attachments) {
        this(ticket, event, recipient, messageId, inReplyTo, references, fromName, replyTo, subject, text, html,
                autoSubmitted, attachments, Optional.empty());
    }

    /** The same mail, sent from this mailbox's address and through its SMTP server. */
    public OutgoingMail from(Optional<String> sendingMailbox) {
        return new OutgoingMail(ticket, event, recipient, messageId, inReplyTo, references, fromName, replyTo, subject,
                text, html, autoSubmitted, attachments, sendingMailbox);
    }

    public OutgoingMail {
        Objects.requireNonNull(mailbox);
        Objects.requireNonNull(event);
        Objects.requireNonNull(recipient);
        Objects.requireNonNull(messageId);
        references = List.copyOf(references);
        Objects.requireNonNull(fromName);
        Objects.requireNonNull(subject);
        Objects.requireNonNull(text);
        Objects.requireNonNull(autoSubmitted);
        attachments = List.copyOf(attachments);
    }
}
