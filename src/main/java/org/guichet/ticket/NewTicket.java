package org.guichet.ticket;

import java.time.Instant;
import java.util.Optional;
import org.guichet.parse.MailAddress;
import org.guichet.route.Priority;

/** The fields of a ticket about to be opened; {@code mailbox}: the one it came in through. */
public record NewTicket(String subject, MailAddress requester, String category, Optional<String> subcategory,
        String service, Priority priority, Instant created, Optional<Long> linkedTicket, Optional<String> mailbox) {

    public NewTicket(String subject, MailAddress requester, String category, Optional<String> subcategory,
            String service, Priority priority, Instant created, Optional<Long> linkedTicket) {
        this(subject, requester, category, subcategory, service, priority, created, linkedTicket, Optional.empty());
    }
}
