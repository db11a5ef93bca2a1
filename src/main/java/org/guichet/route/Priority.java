package org.guichet.route;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The five priority levels, highest last in declaration order so that sorting by rank puts very-high first. */
public enum Priority {
    VERY_LOW("very-low", 1, "tres-basse", "tres-bas"),
    LOW("low", 2, "basse", "bas", "faible"),
    NORMAL("normal", 3, "normale"),
    HIGH("high", 4, "elevee", "eleve", "haute"),
    VERY_HIGH("very-high", 5, "tres-elevee", "tres-eleve", "tres-haute");

    private final String code;
    private final int rank;
    private final List<String> otherNames;

    Priority(String code, int rank, String... otherNames) {
        this.code = code;
        this.rank = rank;
        this.otherNames = List.of(otherNames);
    }

    public String code() {
        return code;
    }

    /** 5 for very-high down to 1 for very-low: listings sort on it, descending. */
    public int rank() {
        return rank;
    }

    public static Optional<Priority> fromCode(String code) {
        String wanted = code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.code.equals(wanted)).findFirst();
    }

    /**
     * The level a person named, in English or French, ignoring case, accents and whether words are joined by
     * spaces, '-' or '_': "very high", "Very-High", "très élevée" and "tres elevee" all read as very-high. Used
     * for subject markers, body lines and the {@code #priority} command alike.
     */
    public static Optional<Priority> parse(String name) {
        String wanted = Folding.fold(name).strip().replaceAll("[\\s_-]+", "-");
        return Arrays.stream(values()).filter(p -> p.code.equals(wanted) || p.otherNames.contains(wanted))
                .findFirst();
    }
}
