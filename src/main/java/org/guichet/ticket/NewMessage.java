package org.guichet.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.guichet.parse.Attachment;
import org.guichet.parse.MailAddress;

/** A mail about to be recorded on a ticket. */
public record NewMessage(TicketMessage.Direction direction, Optional<Long> inboundMail, Optional<String> messageId,
        MailAddress author, Instant sentAt, String subject, String text, boolean internal,
        List<Attachment> attachments) {

    public NewMessage {
        attachments = List.copyOf(attachments);
    }
}
