package org.guichet.ticket;

import java.util.Objects;

/** Where a received mail was found: folder, UIDVALIDITY and UID; {@code uid} 0 for a mail read from a file. */
public record MailOrigin(String folder, long uidValidity, long uid) {
    public MailOrigin {
        Objects.requireNonNull(folder);
    }
}
