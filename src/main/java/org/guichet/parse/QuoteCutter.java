package org.guichet.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts the quoted history from a reply: every line starting with "&gt;", and everything from the first line that
 * opens a quoted message ("On ... wrote:", "Le ... a écrit :", an Outlook "From: ... Sent:" block, "-----Original
 * Message-----") to the end.
 *
 * <p>Only lines of at most {@value #MAX_MATCHED_CHARS} characters are tried as the start of the history (no mail
 * client writes a longer "wrote:" line), and every pattern runs in time linear in its line, so that a hostile line
 * costs no more than its length.
 */
final class QuoteCutter {

    private static final int HEADER_BLOCK_LINES = 4;
    static final int MAX_MATCHED_CHARS = 1000;
    private static final Pattern WROTE_EN = Pattern.compile("^On\\s.*\\swrote:\\s*+$", Pattern.DOTALL);
    private static final Pattern WROTE_FR = Pattern.compile("^Le\\s.*\\sa\\s++[ée]crit\\s*+:\\s*+$", Pattern.DOTALL);
    private static final Pattern ORIGINAL = Pattern.compile(
            "^-{2,}+\\s*+(Original Message|Message d'origine|Ursprüngliche Nachricht)\\s*+-{2,}+\\s*+$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FROM = Pattern.compile("^(From|De|Von)\\s?:.*");
    private static final Pattern SENT = Pattern.compile("^(Sent|Envoyé|Date|Gesendet)\\s?:.*");
    private static final Pattern FORWARD_MARKER = Pattern.compile(
            ".*(Forwarded message|Message transféré|Weitergeleitete Nachricht|Begin forwarded message).*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HISTORY_START = Pattern.compile("On\\s|Le\\s|-{2,}|From|De|Von");
    // The lookbehind lets a run of marks be tried from its first character only: linear, however long the run.
    private static final Pattern DECORATION = Pattern.compile("^[*_\\s]++|(?<![*_])[*_]++(?=\\s*+:)");
    private static final Pattern DE_ENVOYE = Pattern.compile("^De\\s?:.*Envoyé\\s?:.*");

    private QuoteCutter() {
    }

    /** The text without its quoted history; the text itself when cutting would leave nothing. */
    static String cut(String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int start = historyStart(lines);
        List<String> kept = new ArrayList<>();
        for (String line : lines.subList(0, start)) {
            if (!line.startsWith(">")) {
                kept.add(line);
            }
        }
        String result = String.join("\n", kept).stripTrailing();
        return result.isBlank() ? text : result;
    }

    private static int historyStart(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (opensHistory(lines, i)) {
                return i;
            }
        }
        return lines.size();
    }

    private static boolean opensHistory(List<String> lines, int i) {
        if (lines.get(i).length() > MAX_MATCHED_CHARS) {
            return false;
        }
        String line = plain(lines.get(i));
        if (!HISTORY_START.matcher(line).lookingAt()) {
            return false; // most lines: the patterns below are not worth trying, which matters on long texts
        }
        String twoLines = i + 1 < lines.size() && lines.get(i + 1).length() <= MAX_MATCHED_CHARS
                ? line + " " + plain(lines.get(i + 1)) : line;
        return WROTE_EN.matcher(line).matches() || WROTE_FR.matcher(line).matches()
                || (line.startsWith("On ") && WROTE_EN.matcher(twoLines).matches())
                || (line.startsWith("Le ") && WROTE_FR.matcher(twoLines).matches())
                || ORIGINAL.matcher(line).matches() || startsHeaderBlock(lines, i);
    }

    private static boolean startsHeaderBlock(List<String> lines, int i) {
        String line = plain(lines.get(i));
        if (!FROM.matcher(line).matches() || followsForwardMarker(lines, i)) {
            return false;
        }
        if (DE_ENVOYE.matcher(line).matches()) {
            return true;
        }
        int last = Math.min(lines.size() - 1, i + HEADER_BLOCK_LINES);
        for (int j = i + 1; j <= last; j++) {
            if (lines.get(j).length() <= MAX_MATCHED_CHARS && SENT.matcher(plain(lines.get(j))).matches()) {
                return true;
            }
        }
        return false;
    }

    /** A forwarded mail's header block is content the sender wants read, not quoted history. */
    private static boolean followsForwardMarker(List<String> lines, int i) {
        for (int j = i - 1; j >= 0; j--) {
            if (!lines.get(j).isBlank()) {
                return lines.get(j).length() <= MAX_MATCHED_CHARS && FORWARD_MARKER.matcher(lines.get(j)).matches();
            }
        }
        return false;
    }

    /** The line without the bold or underline marks that HTML-to-text conversion leaves around header names. */
    private static String plain(String line) {
        return DECORATION.matcher(line.strip()).replaceAll("");
    }
}
