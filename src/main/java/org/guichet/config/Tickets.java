package org.guichet.config;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * How tickets look and age: the tag in subjects ({@code [Helpdesk #42]}), the days after which a resolved ticket
 * closes by itself, whether people in Cc of a new ticket follow it, and the days a closed ticket is kept before
 * the daemon deletes it (none: kept for ever).
 */
public record Tickets(String tag, int autoCloseDays, boolean ccAsObservers, OptionalInt retentionDays) {

    public Tickets {
        Checks.text(tag, "ticket tag");
        Checks.positive(autoCloseDays, "auto-close days");
        Objects.requireNonNull(retentionDays, "retention days");
        retentionDays.ifPresent(days -> Checks.positive(days, "retention days"));
    }

    public Tickets(String tag, int autoCloseDays, boolean ccAsObservers) {
        this(tag, autoCloseDays, ccAsObservers, OptionalInt.empty());
    }
}
