package org.guichet.ticket;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.guichet.route.Folding;

/** A ticket's status (SPEC section 3). {@code closed} and {@code cancelled} are final. */
public enum Status {
    NEW, ASSIGNED, WAITING, RESOLVED, CLOSED, CANCELLED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinal() {
        return this == CLOSED || this == CANCELLED;
    }

    /** A status as a person writes it, in English or French, any case, accents or not. */
    public static Optional<Status> parse(String text) {
        String word = Folding.fold(text).strip().replaceAll("[\\s_-]+", " ");
        return Optional.ofNullable(switch (word) {
            case "new", "nouveau", "nouvelle" -> NEW;
            case "assigned", "assigne", "assignee", "attribue", "attribuee", "en cours", "pris en charge", "prise en charge" -> ASSIGNED;
            case "waiting", "wait", "en attente", "attente" -> WAITING;
            case "resolved", "resolu", "resolue" -> RESOLVED;
            case "closed", "clos", "close", "ferme", "fermee", "cloture", "cloturee" -> CLOSED;
            case "cancelled", "canceled", "annule", "annulee" -> CANCELLED;
            default -> null;
        });
    }

    public static Optional<Status> fromCode(String code) {
        String wanted = code.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.name().equals(wanted)).findFirst();
    }
}
