package org.guichet.route;

import java.text.Normalizer;
import java.util.Locale;

/** Words as people type them: compared without case and without accents, so {@code #priorité} is {@code #priorite}. */
public final class Words {
    private Words() {
    }

    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT).strip();
    }
}
