package org.guichet.ticket;

import java.time.Instant;
import java.util.Optional;
import org.guichet.parse.MailAddress;
import org.guichet.route.Priority;

/** The fields of a ticket about to be opened. */
public record NewTicket(String subject, MailAddress requester, String category, Optional<String> subcategory,
        String service, Priority priority, Instant created, Optional<Long> linkedTicket) {
}
