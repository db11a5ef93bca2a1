package org.guichet.ticket;

import java.util.List;

/** The whole story of a ticket: its state, messages and event log. */
public record TicketDetail(TicketSummary summary, List<TicketMessage> messages, List<TicketEvent> events) {
    public TicketDetail {
        messages = List.copyOf(messages);
        events = List.copyOf(events);
    }
}
