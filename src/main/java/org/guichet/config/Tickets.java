package org.guichet.config;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * How tickets look and age: the tag in subjects ({@code [Helpdesk #42]}), the days after which a resolved ticket
 * closes by itself, whether people in Cc of a new ticket follow it, the days a closed ticket is kept before
 * the daemon deletes it (none: kept for ever), and the calendar days after which a ticket waiting on its requester
 * reminds them, then is resolved by itself.
 */
public record Tickets(String tag, int autoCloseDays, boolean ccAsObservers, OptionalInt retentionDays,
        int waitingReminderDays, int waitingCloseDays) {

    public static final int WAITING_REMINDER_DAYS = 3;
    public static final int WAITING_CLOSE_DAYS = 10;

    public Tickets {
        Checks.text(tag, "ticket tag");
        Checks.positive(autoCloseDays, "auto-close days");
        Objects.requireNonNull(retentionDays, "retention days");
        retentionDays.ifPresent(days -> Checks.positive(days, "retention days"));
        Checks.positive(waitingReminderDays, "waiting reminder days");
        Checks.positive(waitingCloseDays, "waiting close days");
    }

    public Tickets(String tag, int autoCloseDays, boolean ccAsObservers) {
        this(tag, autoCloseDays, ccAsObservers, OptionalInt.empty());
    }

    public Tickets(String tag, int autoCloseDays, boolean ccAsObservers, OptionalInt retentionDays) {
        this(tag, autoCloseDays, ccAsObservers, retentionDays, WAITING_REMINDER_DAYS, WAITING_CLOSE_DAYS);
    }
}
