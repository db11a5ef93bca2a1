package org.guichet.route;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one way routing compares words typed by people: case and accents ignored, so that "Problème", "PROBLEME"
 * and "probleme" are the same word.
 */
public final class Folding {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    private Folding() {
    }

    /** Lower case without accents: decomposed, so that "é" becomes "e" and its accent, then the accent dropped. */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** A name as it may appear in an address: folded, every run of other characters one '-', none at the ends. */
    public static String slug(String name) {
        String dashed = NOT_ALPHANUMERIC.matcher(fold(name)).replaceAll("-");
        return dashed.replaceAll("^-+|-+$", "");
    }
}
