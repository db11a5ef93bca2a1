package org.guichet.intake;

import java.util.Objects;
import java.util.Optional;

/**
 * A mail that is not downloaded: the server's RFC822.SIZE is over {@code limits.max-message-bytes}. Only its
 * envelope is read, so that it can be named in the quarantine list.
 */
public record RefusedMail(MailSource source, Optional<String> messageId, long size, String reason) {
    public RefusedMail {
        Objects.requireNonNull(source);
        Objects.requireNonNull(messageId);
        Objects.requireNonNull(reason);
    }
}
