package org.guichet.intake;

import java.nio.file.Path;
import java.util.Objects;

/** The raw bytes of one received mail, in a file, and where the mail was found. */
public record RawMail(Path file, long size, MailSource source) {
    public RawMail {
        Objects.requireNonNull(file);
        Objects.requireNonNull(source);
    }
}
