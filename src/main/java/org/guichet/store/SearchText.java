package org.guichet.store;

import java.util.Arrays;
import java.util.List;
import org.guichet.route.Folding;

/**
 * The searchable form of a ticket's words, kept in a column beside them: lower case, accents dropped, so that
 * {@code LIKE '%probleme%'} finds "Problème" on H2 and PostgreSQL alike, without either's own full-text engine.
 */
public final class SearchText {
    private static final int MAX_WORDS = 10;
    private static final int MAX_WORD_LENGTH = 100;

    private SearchText() {
    }

    /** The folded text of these pieces (a subject, a body), one per line. */
    public static String of(String... pieces) {
        StringBuilder b = new StringBuilder();
        for (String piece : pieces) {
            if (piece != null) {
                b.append(b.length() == 0 ? "" : "\n").append(Folding.fold(piece));
            }
        }
        return b.toString();
    }

    /** The words a person typed, folded the same way; a ticket matches when it holds every one of them. */
    public static List<String> words(String typed) {
        return Arrays.stream(Folding.fold(typed).strip().split("\\s+")).filter(w -> !w.isEmpty())
                .map(w -> w.length() > MAX_WORD_LENGTH ? w.substring(0, MAX_WORD_LENGTH) : w).distinct()
                .limit(MAX_WORDS).toList();
    }

    /** A LIKE pattern finding the word anywhere, its own {@code %}, {@code _} and {@code \} taken literally. */
    static String containing(String word) {
        return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
