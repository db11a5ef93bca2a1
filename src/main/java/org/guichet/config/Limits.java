package org.guichet.config;

import java.time.Duration;

/**
 * The bounds that keep one sender or one huge mail from overwhelming the helpdesk.
 *
 * @param parseTimeout how long reading one mail may take before that mail is failed (limits.parse-timeout)
 * @param notificationsPerRecipientPerHour past it, people's notifications wait for a digest
 *     (limits.notifications-per-recipient-per-hour)
 * @param maxForwardBytes attachments a forwarded ticket carries (limits.max-forward-bytes)
 */
public record Limits(long maxMessageBytes, long maxAttachmentBytes, int notificationsPerTicketPer10Minutes,
        int newTicketsPerSenderPerHour, Duration parseTimeout, int notificationsPerRecipientPerHour,
        long maxForwardBytes) {

    /** limits.parse-timeout when the config does not say. */
    public static final Duration DEFAULT_PARSE_TIMEOUT = Duration.ofSeconds(30);
    /** Default of {@code notifications-per-recipient-per-hour}: past it, people's notifications wait for a digest. */
    public static final int DEFAULT_PER_RECIPIENT_PER_HOUR = 30;
    /** Default of {@code max-forward-bytes}: attachments a forwarded ticket carries, 10 MiB. */
    public static final long DEFAULT_MAX_FORWARD_BYTES = 10L << 20;

    public Limits {
        Checks.positive(maxMessageBytes, "max message bytes");
        Checks.positive(maxAttachmentBytes, "max attachment bytes");
        Checks.positive(notificationsPerTicketPer10Minutes, "notifications per ticket per 10 minutes");
        Checks.positive(newTicketsPerSenderPerHour, "new tickets per sender per hour");
        Checks.positive(parseTimeout, "parse timeout");
        Checks.positive(notificationsPerRecipientPerHour, "notifications per recipient per hour");
        Checks.positive(maxForwardBytes, "max forward bytes");
    }

    /** The limits with the default parse timeout, per-recipient ceiling and forwarded attachments. */
    public Limits(long maxMessageBytes, long maxAttachmentBytes, int notificationsPerTicketPer10Minutes,
            int newTicketsPerSenderPerHour) {
        this(maxMessageBytes, maxAttachmentBytes, notificationsPerTicketPer10Minutes, newTicketsPerSenderPerHour,
                DEFAULT_PARSE_TIMEOUT, DEFAULT_PER_RECIPIENT_PER_HOUR, DEFAULT_MAX_FORWARD_BYTES);
    }
}
