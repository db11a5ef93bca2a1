package org.guichet.importer;

/** What handling one imported mail did, as the summary counts it. */
public enum Outcome {
    /** It opened a ticket. */
    NEW_TICKET,
    /** It was added to an existing ticket: a reply, or automatic mail kept as a note on its ticket. */
    FOLLOW_UP,
    /** It was handled without any ticket: automatic mail that threads onto none, a #mytickets request. */
    NO_TICKET,
    /** It had been handled before, by an earlier import, by IMAP intake, or earlier in this import. */
    DUPLICATE,
    /** It was quarantined, with its reason, as intake would have. */
    QUARANTINED,
    /** It could not be handled now (the database is unavailable, say): importing again tries it again. */
    FAILED
}
