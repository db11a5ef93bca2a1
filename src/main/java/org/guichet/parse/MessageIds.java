package org.guichet.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Message ids read from Message-ID, In-Reply-To and References: the {@code <...>} tokens, without their brackets. */
final class MessageIds {

    /** The most ids kept from In-Reply-To or References. */
    static final int MAX_IDS = 100;
    private static final Pattern BRACKETED = Pattern.compile("<\\s*+([^<>\\s]++)\\s*+>");

    private MessageIds() {
    }

    /** Every bracketed id in {@code value}, in order, at most {@value #MAX_IDS}. */
    static List<String> all(String value, String field, Problems problems) {
        List<String> ids = new ArrayList<>();
        Matcher token = BRACKETED.matcher(value);
        while (token.find()) {
            if (ids.size() == MAX_IDS) {
                problems.add("The " + field + " header has more than " + MAX_IDS + " ids; the rest were left out.");
                break;
            }
            ids.add(token.group(1));
        }
        return ids;
    }

    /** The first bracketed id, or the whole trimmed value when it has no brackets but looks like an id. */
    static Optional<String> first(String value, Problems problems) {
        Matcher token = BRACKETED.matcher(value);
        if (token.find()) {
            return Optional.of(token.group(1));
        }
        String bare = value.trim();
        if (bare.isEmpty() || bare.contains(" ")) {
            problems.add("The Message-ID header holds no id; it was ignored.");
            return Optional.empty();
        }
        problems.add("The Message-ID has no angle brackets; it was read as written.");
        return Optional.of(bare);
    }
}
