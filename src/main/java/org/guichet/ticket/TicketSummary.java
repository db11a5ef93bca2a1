package org.guichet.ticket;

/** A ticket with the counts a listing shows. */
public record TicketSummary(Ticket ticket, int messages, int attachments) {
}
