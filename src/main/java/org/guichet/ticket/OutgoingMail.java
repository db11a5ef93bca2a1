package org.guichet.ticket;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.guichet.parse.Attachment;

/**
 * A notification ready to be sent, as written to the outbox. Its Message-ID is fixed when it is written, so a
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
        List<Attachment> attachments) {

    public OutgoingMail {
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
