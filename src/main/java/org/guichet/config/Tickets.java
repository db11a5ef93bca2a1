package org.guichet.config;

/**
 * How tickets look and age: the tag in subjects ({@code [Helpdesk #42]}), the days after which a resolved ticket
 * closes by itself, and whether people in Cc of a new ticket follow it.
 */
public record Tickets(String tag, int autoCloseDays, boolean ccAsObservers) {

    public Tickets {
        Checks.text(tag, "ticket tag");
        Checks.positive(autoCloseDays, "auto-close days");
    }
}
