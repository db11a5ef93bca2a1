package org.guichet.config;

import java.util.Locale;
import java.util.Set;

/** Who the helpdesk is to its users: the name it signs with, its one support address, its language. */
public record Helpdesk(String name, String address, String locale) {

    static final Set<String> LOCALES = Set.of("en", "fr");

    public Helpdesk {
        Checks.text(name, "helpdesk name");
        // Lower case once here, so that every comparison with a recipient can be a plain equals.
        address = Checks.text(address, "helpdesk address").toLowerCase(Locale.ROOT);
        if (!LOCALES.contains(locale)) {
            throw new IllegalArgumentException("helpdesk locale must be en or fr, not " + locale);
        }
    }
}
