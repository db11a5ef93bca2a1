package org.guichet.config;

/** The bounds that keep one sender or one huge mail from overwhelming the helpdesk. */
public record Limits(long maxMessageBytes, long maxAttachmentBytes, int notificationsPerTicketPer10Minutes,
        int newTicketsPerSenderPerHour) {

    public Limits {
        Checks.positive(maxMessageBytes, "max message bytes");
        Checks.positive(maxAttachmentBytes, "max attachment bytes");
        Checks.positive(notificationsPerTicketPer10Minutes, "notifications per ticket per 10 minutes");
        Checks.positive(newTicketsPerSenderPerHour, "new tickets per sender per hour");
    }
}
