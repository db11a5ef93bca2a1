package org.guichet.ticket;

import java.util.Locale;

/** The events that send mail (SPEC section 8); each has its template, {@code config/templates/<locale>/<name>.txt}. */
public enum Event {
    ACKNOWLEDGEMENT("auto-replied"),
    OPENED("auto-generated"),
    TAKEN("auto-generated"),
    ASSIGNED("auto-generated"),
    OBSERVER_INVITED("auto-generated"),
    OBSERVER_REMOVED("auto-generated"),
    TRANSFERRED("auto-generated"),
    STATUS_CHANGED("auto-generated"),
    PRIORITY_CHANGED("auto-generated"),
    AGENT_REPLY("auto-generated"),
    REQUESTER_REPLY("auto-generated"),
    PARTICIPANT_REPLY("auto-generated"),
    INTERNAL_NOTE("auto-generated"),
    COMMAND_REFUSED("auto-replied"),
    MY_TICKETS("auto-replied"),
    QUEUE("auto-replied"),
    TOO_MANY_TICKETS("auto-replied"),
    SUBJECT_CHANGED("auto-generated"),
    SLA_REMINDER("auto-generated"),
    SLA_ESCALATION("auto-generated"),
    WAITING_REMINDER("auto-generated"),
    DIGEST("auto-generated");

    private final String autoSubmitted;

    Event(String autoSubmitted) {
        this.autoSubmitted = autoSubmitted;
    }

    /** The template's name: {@code status-changed}. */
    public String template() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** RFC 3834: answers to a person's own mail are auto-replied, everything else auto-generated. */
    public String autoSubmitted() {
        return autoSubmitted;
    }
}
