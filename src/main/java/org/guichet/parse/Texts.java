package org.guichet.parse;

/**
 * Small text clean-ups shared by the body readers: line endings, trailing spaces, runs of blank lines. Written as
 * scanners rather than regular expressions, so that a line of a million spaces costs a million steps.
 */
final class Texts {

    private Texts() {
    }

    /** Line breaks as "\n", no NUL, no trailing whitespace at the end of the text. */
    static String normalise(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').replace("\u0000", "").stripTrailing();
    }

    /** A raw value short enough to quote in a problem: whitespace collapsed, at most 60 characters. */
    static String shorten(String raw) {
        String flat = raw.replaceAll("\\s++", " ").trim();
        return flat.length() > 60 ? flat.substring(0, 60) + "..." : flat;
    }

    /** Trailing spaces removed from every line, runs of blank lines collapsed to one, the whole trimmed. */
    static String collapseBlankLines(String text) {
        String normal = normalise(text);
        StringBuilder out = new StringBuilder(normal.length());
        int blankLines = 0;
        for (int start = 0; start <= normal.length(); ) {
            int end = normal.indexOf('\n', start);
            end = end < 0 ? normal.length() : end;
            int kept = end;
            while (kept > start && isTrailingSpace(normal.charAt(kept - 1))) {
                kept--;
            }
            blankLines = kept == start ? blankLines + 1 : 0;
            if (blankLines <= 1) {
                out.append(normal, start, kept).append('\n');
            }
            start = end + 1;
        }
        return out.toString().strip();
    }

    private static boolean isTrailingSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0';
    }
}
