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
 * RFC 2047 decoded. Bounded to {@value #MAX_FIELDS} fields and {@value #MAX_CHARS} characters in all.
 */
public final class MailHeaders {

    /** The most fields kept; later ones are dropped. */
    public static final int MAX_FIELDS = 500;
    /** The most characters (names and values) kept in all; later fields are dropped. */
    public static final int MAX_CHARS = 256 * 1024;

    private static final MailHeaders EMPTY = new MailHeaders(Map.of(), 0);

    private final Map<String, List<String>> byName;
    private final int fieldCount;

    private MailHeaders(Map<String, List<String>> byName, int fieldCount) {
        this.byName = byName;
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
        private int fields;
        private int chars;
        private boolean full;

        /** Adds one field; returns false when it was dropped because the bounds are reached. */
        boolean add(String name, String value) {
            int cost = name.length() + value.length();
            if (full || fields >= MAX_FIELDS || chars + cost > MAX_CHARS) {
                full = true;
                return false;
            }
            byName.computeIfAbsent(key(name), k -> new ArrayList<>()).add(value);
            fields++;
            chars += cost;
            return true;
        }

        boolean isFull() {
            return full;
        }

        MailHeaders build() {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            byName.forEach((name, values) -> copy.put(name, List.copyOf(values)));
            return new MailHeaders(Collections.unmodifiableMap(copy), fields);
        }
    }
}
