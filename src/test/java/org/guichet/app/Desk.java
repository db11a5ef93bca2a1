package org.guichet.app;

import java.util.List;
import org.guichet.ticket.TicketDetail;

/**
 * A helpdesk as the rules' tests see it: a mail goes in, a ticket is read back, and each person's mails are
 * read as they were sent. {@link TestHelpdesk} plays it over a real mail server; {@link InMemoryDesk} without
 * one, reading the outbox, so that the domain's rules run in seconds.
 */
interface Desk {
    /** Hands a raw mail to the helpdesk and lets it be handled. */
    void deliver(String raw) throws Exception;

    TicketDetail detail(long id);

    /** The notifications sent to this address so far, oldest first. */
    List<Sent> sent(String address);

    /**
     * One notification as its recipient reads it.
     *
     * @param replyTo where a reply goes: the recipient's own reply address of the ticket, or empty
     */
    record Sent(String subject, String text, String replyTo) {
    }
}
