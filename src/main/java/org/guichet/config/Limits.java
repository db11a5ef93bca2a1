package org.guichet.config;

/** The bounds that keep one sender or one huge mail from overwhelming the helpdesk. */
public record Limits(long maxMessageBytes, long maxAttachmentBytes, int notificationsPerTicketPer10Minutes,
        int newTicketsPerSenderPerHour, int notificationsPerRecipientPerHour, long maxForwardBytes) {
    /** Default of {@code notifications-per-recipient-per-hour}: past it, people's notifications wait for a digest. */
    public static final int DEFAULT_PER_RECIPIENT_PER_HOUR = 30;
    /** Default of {@code max-forward-bytes}: attachments a forwarded ticket carries, 10 MiB. */
    public static final long DEFAULT_MAX_FORWARD_BYTES = 10L << 20;

    public Limits {
        Checks.positive(maxMessageBytes, "max message bytes");
        Checks.positive(maxAttachmentBytes, "max attachment bytes");
        Checks.positive(notificationsPerTicketPer10Minutes, "notifications per ticket per 10 minutes");
        Checks.positive(newTicketsPerSenderPerHour, "new tickets per sender per hour");
        Checks.positive(notificationsPerRecipientPerHour, "notifications per recipient per hour");
        Checks.positive(maxForwardBytes, "max forward bytes");
    }

    /** The limits with the defaults for the per-recipient ceiling and the forwarded attachments. */
    public Limits(long maxMessageBytes, long maxAttachmentBytes, int notificationsPerTicketPer10Minutes,
            int newTicketsPerSenderPerHour) {
        this(maxMessageBytes, maxAttachmentBytes, notificationsPerTicketPer10Minutes, newTicketsPerSenderPerHour,
                DEFAULT_PER_RECIPIENT_PER_HOUR, DEFAULT_MAX_FORWARD_BYTES);
    }
}
