package org.guichet.route;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code Authentication-Results} header read per RFC 8601: the authserv-id of the server that wrote it and
 * its results, one per method ({@code dkim=pass header.d=example.org}). Read from the raw value, never RFC 2047
 * decoded; quoted strings and comments are honoured, so a {@code ;} or a {@code dkim=pass} inside either is text,
 * not structure. A result that does not follow the grammar is dropped, never guessed. One pass over the value:
 * linear time whatever it holds.
 *
 * @param authservId lower-cased; empty when the header has none (then it vouches for nothing)
 * @param results the well-formed results, in order
 */
public record AuthenticationResults(String authservId, List<Result> results) {

    public AuthenticationResults {
        Objects.requireNonNull(authservId);
        results = List.copyOf(results);
    }

    /**
     * One method's result.
     *
     * @param method lower-cased, without its version ({@code dkim})
     * @param result lower-cased ({@code pass})
     * @param properties {@code ptype.property} lower-cased to its value as written, unquoted ({@code header.d})
     */
    public record Result(String method, String result, Map<String, String> properties) {
        public Result {
            Objects.requireNonNull(method);
            Objects.requireNonNull(result);
            properties = Map.copyOf(properties);
        }

        public Optional<String> property(String name) {
            return Optional.ofNullable(properties.get(name.toLowerCase(Locale.ROOT)));
        }

        public boolean passed(String methodName) {
            return method.equals(methodName) && result.equals("pass");
        }
    }

    /** Reads one raw header value; never throws, whatever it holds. */
    public static AuthenticationResults parse(String rawValue) {
        List<List<Token>> parts = split(Token.scan(rawValue));
        List<Token> head = parts.get(0);
        // authserv-id [version]: a single word, or a word and a number; anything else is no authserv-id we trust
        boolean wellFormed = !head.isEmpty() && !head.get(0).isSpecial()
                && (head.size() == 1 || head.size() == 2 && head.get(1).text().chars().allMatch(Character::isDigit));
        String id = wellFormed ? head.get(0).text().toLowerCase(Locale.ROOT) : "";
        List<Result> results = new ArrayList<>();
        for (List<Token> part : parts.subList(1, parts.size())) {
            result(part).ifPresent(results::add);
        }
        return new AuthenticationResults(id, results);
    }

    private static List<List<Token>> split(List<Token> tokens) {
        List<List<Token>> parts = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        for (Token t : tokens) {
            if (t.is(';')) {
                parts.add(current);
                current = new ArrayList<>();
            } else {
                current.add(t);
            }
        }
        parts.add(current);
        return parts;
    }

    /** {@code method[/version]=result [reason=value] [ptype.property=value]...}; anything else is dropped. */
    private static Optional<Result> result(List<Token> part) {
        if (part.size() < 3 || part.size() % 3 != 0) {
            return Optional.empty();
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 0; i < part.size(); i += 3) {
            Token name = part.get(i);
            Token value = part.get(i + 2);
            if (!name.isWord() || !part.get(i + 1).is('=') || value.isSpecial()) {
                return Optional.empty();
            }
            if (i > 0 && properties.putIfAbsent(name.text().toLowerCase(Locale.ROOT), value.text()) != null) {
                return Optional.empty(); // the same property twice: ambiguous, so not trusted
            }
        }
        Token method = part.get(0);
        Token outcome = part.get(2);
        if (!outcome.isWord()) {
            return Optional.empty();
        }
        String name = method.text().toLowerCase(Locale.ROOT);
        int slash = name.indexOf('/');
        return Optional.of(new Result(slash < 0 ? name : name.substring(0, slash),
                outcome.text().toLowerCase(Locale.ROOT), properties));
    }

    /** A word, a quoted string (its content) or one of the specials {@code ;} and {@code =}. */
    record Token(String text, Kind kind) {
        enum Kind { WORD, QUOTED, SPECIAL }

        boolean isWord() {
            return kind == Kind.WORD;
        }

        boolean isSpecial() {
            return kind == Kind.SPECIAL;
        }

        boolean is(char special) {
            return kind == Kind.SPECIAL && text.charAt(0) == special;
        }

        /** Splits a value into tokens, skipping white space and (nested) comments; one pass, linear time. */
        static List<Token> scan(String value) {
            List<Token> tokens = new ArrayList<>();
            int i = 0;
            int n = value.length();
            while (i < n) {
                char c = value.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '(') {
                    i = afterComment(value, i);
                } else if (c == ';' || c == '=') {
                    tokens.add(new Token(String.valueOf(c), Kind.SPECIAL));
                    i++;
                } else if (c == '"') {
                    StringBuilder text = new StringBuilder();
                    i = afterQuoted(value, i, text);
                    tokens.add(new Token(text.toString(), Kind.QUOTED));
                } else {
                    int start = i;
                    while (i < n && !endsWord(value.charAt(i))) {
                        i++;
                    }
                    tokens.add(new Token(value.substring(start, i), Kind.WORD));
                }
            }
            return tokens;
        }

        private static boolean endsWord(char c) {
            return Character.isWhitespace(c) || c == '(' || c == ';' || c == '=' || c == '"';
        }

        /** The index after a comment starting at {@code i}; an unclosed comment runs to the end. */
        private static int afterComment(String value, int i) {
            int depth = 0;
            while (i < value.length()) {
                char c = value.charAt(i++);
                if (c == '\\') {
                    i++;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    return i;
                }
            }
            return value.length();
        }

        /** The index after a quoted string starting at {@code i}, its content unescaped into {@code text}. */
        private static int afterQuoted(String value, int i, StringBuilder text) {
            i++;
            while (i < value.length()) {
                char c = value.charAt(i++);
                if (c == '"') {
                    return i;
                }
                if (c == '\\' && i < value.length()) {
                    c = value.charAt(i++);
                }
                text.append(c);
            }
            return value.length();
        }
    }
}
