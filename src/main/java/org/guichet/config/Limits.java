package org.guichet.config;

import java.time.Duration;

/**
 * The bounds that keep one sender or one huge mail from overwhelming the helpdesk.
 *
 * @param parseTimeout how long reading one mail may take before that mail is failed (limits.parse-timeout)
 */
public record Limits(long maxMessageBytes, long maxAttachmentBytes, int notificationsPerTicketPer10Minutes,
        int newTicketsPerSenderPerHour, Duration parseTimeout) {

    /** limits.parse-timeout when the config does not say. */
    public static final Duration DEFAULT_PARSE_TIMEOUT = Duration.ofSeconds(30);

    public Limits {
        Checks.positive(maxMessageBytes, "max message bytes");
        Checks.positive(maxAttachmentBytes, "max attachment bytes");
        Checks.positive(notificationsPerTicketPer10Minutes, "notifications per ticket per 10 minutes");
        Checks.positive(newTicketsPerSenderPerHour, "new tickets per sender per hour");
        Checks.positive(parseTimeout, "parse timeout");
    }

    /** The limits with the default parse timeout. */
    public Limits(long maxMessageBytes, long maxAttachmentBytes, int notificationsPerTicketPer10Minutes,
            int newTicketsPerSenderPerHour) {
        this(maxMessageBytes, maxAttachmentBytes, notificationsPerTicketPer10Minutes, newTicketsPerSenderPerHour,
                DEFAULT_PARSE_TIMEOUT);
    }
}
