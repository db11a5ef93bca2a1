package org.guichet.intake;

import java.util.Objects;

/** Where a mail was found: folder, UIDVALIDITY and UID; {@code uid} 0 for a mail read from a file. */
public record MailSource(String folder, long uidValidity, long uid) {
    public MailSource {
        Objects.requireNonNull(folder);
    }
}
