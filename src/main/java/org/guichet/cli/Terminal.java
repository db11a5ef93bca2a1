package org.guichet.cli;

/**
 * Text from mail made safe to print on a terminal: a subject or a body could otherwise hold escape sequences that
 * rewrite the screen, a carriage return that overwrites a line, or bidi overrides that show text in another order
 * than it is. Each such character becomes {@value #SHOWN}; one pass, linear time.
 */
final class Terminal {
    static final char SHOWN = '?';

    private Terminal() {
    }

    /** One line: every control character, line breaks included, replaced. */
    static String line(String value) {
        return replace(value, false);
    }

    /** Several lines: line breaks and tabs kept (CRLF read as a line break), every other control character replaced. */
    static String text(String value) {
        return replace(value.replace("\r\n", "\n"), true);
    }

    private static String replace(String value, boolean keepLines) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean kept = !unsafe(c) || keepLines && (c == '\n' || c == '\t');
            if (!kept && out == null) {
                out = new StringBuilder(value.length()).append(value, 0, i);
            }
            if (out != null) {
                out.append(kept ? c : SHOWN);
            }
        }
        return out == null ? value : out.toString();
    }

    /** C0 and C1 controls, DEL, line and paragraph separators, and the bidi embeddings, overrides and isolates. */
    static boolean unsafe(char c) {
        return c < 0x20 || c >= 0x7F && c <= 0x9F || c == 0x2028 || c == 0x2029 || c >= 0x202A && c <= 0x202E
                || c >= 0x2066 && c <= 0x2069;
    }
}
