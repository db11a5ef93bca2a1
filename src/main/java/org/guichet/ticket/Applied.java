package org.guichet.ticket;

import java.util.Optional;

/** What handling one mail did: the ticket it went to, if any, and why it was quarantined instead, if it was. */
public record Applied(Optional<Long> ticket, Optional<String> quarantine) {
    public static Applied on(Optional<Long> ticket) {
        return new Applied(ticket, Optional.empty());
    }

    public static Applied quarantined(String reason) {
        return new Applied(Optional.empty(), Optional.of(reason));
    }
}
