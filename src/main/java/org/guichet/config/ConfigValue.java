package org.guichet.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One scalar of the file with where it came from, so that whatever is wrong with it can be told with its key and
 * line. {@code origin} is the {@code ${env:..}} or {@code ${file:..}} reference it was read from, if any: a secret's
 * value never appears in a message, only its origin.
 */
record ConfigValue(ConfigSource source, String text, int line, String key, String origin) {

    // Pragmatic, not RFC 5322: enough to catch a typo such as a missing domain or a stray space.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>()\\[\\],;:\"]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    ConfigException error(String text) {
        return source.error(line, key, text);
    }

    /** The value as quoted in a message, or where it came from when it is a secret. */
    String shown() {
        return origin.isEmpty() ? "'" + text + "'" : "the value of " + origin;
    }

    String nonBlank() {
        if (text.isBlank()) {
            throw error("missing value for " + key);
        }
        return text;
    }

    boolean bool() {
        // Only YAML's own booleans: 'yes' or 'on' are too easy to misread, so they are refused.
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw error(key + " must be true or false, not " + shown());
    }

    int integer(int min, int max) {
        String range = max == Integer.MAX_VALUE ? "a whole number of at least " + min
                : "a number from " + min + " to " + max;
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the expected range
        }
        throw error(key + " must be " + range + ", not " + shown());
    }

    Duration duration() {
        return Units.duration(text).orElseThrow(() -> error(key
                + " must be a duration such as 30s, 5m, 1h or 500ms (or a number of seconds), not " + shown()));
    }

    long size() {
        return Units.size(text).orElseThrow(() -> error(key
                + " must be a size such as 50MiB, 25 MB or 512KiB (or a number of bytes), not " + shown()));
    }

    String email() {
        String address = text.strip();
        if (!EMAIL.matcher(address).matches()) {
            throw error(key + " must be an email address such as alice@example.org, not " + shown());
        }
        return address.toLowerCase(Locale.ROOT);
    }
}
