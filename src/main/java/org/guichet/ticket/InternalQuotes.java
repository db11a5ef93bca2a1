package org.guichet.ticket;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.guichet.route.CommandParser;

/**
 * Cuts a reply where it quotes an internal note, before it is relayed to the requester (SPEC section 6): at the
 * quoted block ({@code >} lines) that holds an {@code #internal} line or a line of one of the ticket's internal
 * notes, and at the attribution line ("... wrote:") just before it. Each line is looked at once.
 */
final class InternalQuotes {
    /** Shorter note lines ("ok", "thanks") are too common to say a quote is of an internal note. */
    private static final int MIN_LINE = 12;

    private InternalQuotes() {
    }

    /** Whether the text has a quoted line at all. */
    static boolean quotes(String text) {
        return text.lines().anyMatch(l -> l.stripLeading().startsWith(">"));
    }

    static String cut(String text, List<String> internalNotes) {
        Set<String> noteLines = new HashSet<>();
        for (String note : internalNotes) {
            note.lines().map(String::strip).filter(l -> l.length() >= MIN_LINE).forEach(noteLines::add);
        }
        List<String> lines = text.lines().toList();
        int blockStart = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).stripLeading();
            if (!line.startsWith(">")) {
                blockStart = -1;
                continue;
            }
            if (blockStart < 0) {
                blockStart = i;
            }
            String unquoted = unquote(line);
            if (CommandParser.isInternalLine(unquoted) || noteLines.contains(unquoted)) {
                int cut = blockStart;
                if (cut > 0 && lines.get(cut - 1).strip().endsWith(":")) {
                    cut--;
                }
                return String.join("\n", new ArrayList<>(lines.subList(0, cut))).stripTrailing();
            }
        }
        return text;
    }

    private static String unquote(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == '>' || line.charAt(i) == ' ')) {
            i++;
        }
        return line.substring(i).strip();
    }
}
