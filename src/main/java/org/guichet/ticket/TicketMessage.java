package org.guichet.ticket;

import java.time.Instant;
import java.util.List;
import org.guichet.parse.Attachment;
import org.guichet.parse.MailAddress;

/** One mail of a ticket, incoming or outgoing, with its attachments. */
public record TicketMessage(
        long id,
        Direction direction,
        MailAddress from,
        Instant date,
        String subject,
        String text,
        boolean internal,
        List<Attachment> attachments) {

    public TicketMessage {
        attachments = List.copyOf(attachments);
    }

    /** Whether the mail came to the helpdesk or went out from it. */
    public enum Direction {
        IN, OUT;

        public String code() {
            return this == IN ? "in" : "out";
        }
    }
}
