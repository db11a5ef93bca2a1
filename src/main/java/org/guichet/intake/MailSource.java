package org.guichet.intake;

import java.util.Objects;

/**
 * Where a mail was found: the mailbox (its name in the config; empty for a mail read from a file), folder,
 * UIDVALIDITY and UID; {@code uid} 0 for a mail read from a file.
 */
public record MailSource(String mailbox, String folder, long uidValidity, long uid) {
    public MailSource {
        Objects.requireNonNull(mailbox);
        Objects.requireNonNull(folder);
    }

    /** A mail not read from a mailbox: a file, an import, a quarantined mail tried again. */
    public MailSource(String folder, long uidValidity, long uid) {
        this("", folder, uidValidity, uid);
    }
}
