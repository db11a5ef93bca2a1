package org.guichet.ticket;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A ticket's status (SPEC section 3). {@code closed} and {@code cancelled} are final. */
public enum Status {
    NEW, ASSIGNED, WAITING, RESOLVED, CLOSED, CANCELLED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinal() {
        return this == CLOSED || this == CANCELLED;
    }

    public static Optional<Status> fromCode(String code) {
        String wanted = code.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.name().equals(wanted)).findFirst();
    }
}
