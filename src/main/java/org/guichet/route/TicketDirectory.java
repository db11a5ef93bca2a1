package org.guichet.route;

import java.util.Collection;
import java.util.Optional;

/** The existing tickets, as routing sees them: looked up by number or by the Message-ID of one of their mails. */
public interface TicketDirectory {
    Optional<TicketRef> byNumber(long number);

    /** The ticket that sent or received a mail with one of these Message-IDs (without angle brackets). */
    Optional<TicketRef> byMessageIds(Collection<String> messageIds);
}
