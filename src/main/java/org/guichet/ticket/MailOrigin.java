package org.guichet.ticket;

import java.util.Objects;

/**
 * Where a received mail was found: mailbox (empty for none), folder, UIDVALIDITY and UID; {@code uid} 0 for a mail
 * read from a file.
 */
public record MailOrigin(String mailbox, String folder, long uidValidity, long uid) {
    public MailOrigin {
        Objects.requireNonNull(mailbox);
        Objects.requireNonNull(folder);
    }

    /** A mail not read from a mailbox. */
    public MailOrigin(String folder, long uidValidity, long uid) {
        this("", folder, uidValidity, uid);
    }
}
