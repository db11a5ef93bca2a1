package org.guichet.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The top-level header fields of a mail, in order, looked up by case-insensitive name; values are unfolded and
 * RFC 2047 decoded, and each is also kept as written (only unfolded) for {@link #raw}. Bounded to {@value #MAX_FIELDS} fields and {@value #MAX_CHARS} characters in all.
 */
public final class MailHeaders {

    /** The most fields kept; later ones are dropped. */
    public static final int MAX_FIELDS = 500;
    /** The most characters (names and values) kept in all; later fields are dropped. */
    public static final int MAX_CHARS = 256 * 1024;

    private static final MailHeaders EMPTY = new MailHeaders(Map.of(), Map.of(), 0);

    private final Map<String, List<String>> byName;
    private final Map<String, List<String>> rawByName;
    private final int fieldCount;

    private MailHeaders(Map<String, List<String>> byName, Map<String, List<String>> rawByName, int fieldCount) {
        this.byName = byName;
        this.rawByName = rawByName;
        this.fieldCount = fieldCount;
    }

    /** No header at all. */
    public static MailHeaders empty() {
        return EMPTY;
    }

    /** Every value of the named field, in the order they appear; empty when there is none. */
    public List<String> all(String name) {
        return byName.getOrDefault(key(name), List.of());
    }

    /**
     * Every value of the named field as written, only unfolded: never RFC 2047 decoded, so that an encoded word
     * cannot pass for structure (a {@code ;} or a {@code dkim=pass}) in fields read by their grammar, such as
     * Authentication-Results.
     */
    public List<String> raw(String name) {
        return rawByName.getOrDefault(key(name), List.of());
    }

    /** The first value of the named field. */
    public Optional<String> first(String name) {
        return all(name).stream().findFirst();
    }

    /** The number of fields kept. */
    public int size() {
        return fieldCount;
    }

    private static String key(String name) {
        return Objects.requireNonNull(name, "name").trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MailHeaders headers && byName.equals(headers.byName);
    }

    @Override
    public int hashCode() {
        return byName.hashCode();
    }

    @Override
    public String toString() {
        return "MailHeaders" + byName;
    }

    /** Collects fields in order and stops, saying so once, when a bound is reached. */
    static final class Builder {

        private final Map<String, List<String>> byName = new LinkedHashMap<>();
        private final Map<String, List<String>> rawByName = new LinkedHashMap<>();
        private int fields;
        private int chars;
        private boolean full;

        /** Adds one field; returns false when it was dropped because the bounds are reached. */
        boolean add(String name, String value) {
            return add(name, value, value);
        }

        /** Adds one field, decoded and as written; returns false when it was dropped because the bounds are reached. */
        boolean add(String name, String value, String raw) {
            int cost = name.length() + Math.max(value.length(), raw.length());
            if (full || fields >= MAX_FIELDS || chars + cost > MAX_CHARS) {
                full = true;
                return false;
            }
            byName.computeIfAbsent(key(name), k -> new ArrayList<>()).add(value);
            rawByName.computeIfAbsent(key(name), k -> new ArrayList<>()).add(raw);
            fields++;
            chars += cost;
            return true;
        }

        boolean isFull() {
            return full;
        }

        MailHeaders build() {
            return new MailHeaders(frozen(byName), frozen(rawByName), fields);
        }

        private static Map<String, List<String>> frozen(Map<String, List<String>> byName) {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            byName.forEach((name, values) -> copy.put(name, List.copyOf(values)));
            return Collections.unmodifiableMap(copy);
        }
    }
}
