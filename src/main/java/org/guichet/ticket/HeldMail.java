package org.guichet.ticket;

import java.time.Instant;
import java.util.Objects;

/** A notification held past its recipient's hourly ceiling, waiting to go out in a digest. */
public record HeldMail(long id, OutgoingMail mail, Instant at) {
    public HeldMail {
        Objects.requireNonNull(mail);
        Objects.requireNonNull(at);
    }
}
