package org.guichet.parse;

import java.util.regex.Pattern;

/** Small text clean-ups shared by the body readers: line endings, trailing spaces, runs of blank lines. */
final class Texts {

    private static final Pattern TRAILING_SPACES = Pattern.compile("[ \\t\\u00A0]+(?=\n)");
    private static final Pattern BLANK_RUNS = Pattern.compile("\n{3,}");

    private Texts() {
    }

    /** Line breaks as "\n", no NUL, no trailing whitespace at the end of the text. */
    static String normalise(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').replace("\u0000", "").stripTrailing();
    }

    /** A raw value short enough to quote in a problem: whitespace collapsed, at most 60 characters. */
    static String shorten(String raw) {
        String flat = raw.replaceAll("\\s+", " ").trim();
        return flat.length() > 60 ? flat.substring(0, 60) + "..." : flat;
    }

    /** Trailing spaces removed from every line, runs of blank lines collapsed to one, the whole trimmed. */
    static String collapseBlankLines(String text) {
        String lines = TRAILING_SPACES.matcher(normalise(text) + "\n").replaceAll("");
        return BLANK_RUNS.matcher(lines).replaceAll("\n\n").strip();
    }
}
