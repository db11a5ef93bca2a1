package org.guichet.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.guichet.parse.Attachment;
import org.guichet.ticket.OutgoingMail;

/** One notification in the outbox, with its delivery state: pending, sent or failed. */
public record OutboxEntry(long id, OutgoingMail mail, String status, int attempts, Instant nextAttempt,
        Optional<String> lastError, Instant created, Optional<Instant> sent) {

    OutboxEntry withAttachments(List<Attachment> attachments) {
        OutgoingMail m = mail;
        OutgoingMail with = new OutgoingMail(m.ticket(), m.event(), m.recipient(), m.messageId(), m.inReplyTo(),
                m.references(), m.fromName(), m.replyTo(), m.subject(), m.text(), m.html(), m.autoSubmitted(),
                attachments, m.mailbox());
        return new OutboxEntry(id, with, status, attempts, nextAttempt, lastError, created, sent);
    }
}
