package org.guichet.ops;

import java.util.Locale;
import java.util.Set;

/**
 * An attachment's name made safe to write in a folder: one plain file name, never a path, a device, a hidden
 * file or a control character, whatever the mail said. The parser cleans names on the way in already; this is
 * the second lock, on the way out, for rows written by older versions or another program.
 */
final class SafeFileName {
    static final int MAX_CODE_POINTS = 150;
    /** Names Windows refuses, in case the folder is shared with it. */
    private static final Set<String> DEVICES = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3", "com4",
            "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8",
            "lpt9");

    private SafeFileName() {
    }

    static String of(String raw, int index) {
        StringBuilder b = new StringBuilder();
        raw.codePoints().limit(4 * MAX_CODE_POINTS).forEach(cp -> append(b, cp));
        String name = b.toString().strip();
        int start = 0;
        while (start < name.length() && (name.charAt(start) == '.' || name.charAt(start) == ' ')) {
            start++;
        }
        name = name.substring(start);
        name = name.codePointCount(0, name.length()) > MAX_CODE_POINTS
                ? name.substring(0, name.offsetByCodePoints(0, MAX_CODE_POINTS)) : name;
        String stem = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        if (name.isBlank() || DEVICES.contains(stem.toLowerCase(Locale.ROOT))) {
            return "attachment-" + index + (name.isBlank() ? ".bin" : "-" + name);
        }
        return name;
    }

    private static void append(StringBuilder b, int cp) {
        if (cp == '/' || cp == '\\' || cp == ':' || cp == '*' || cp == '?' || cp == '"' || cp == '<' || cp == '>'
                || cp == '|') {
            b.append('_');
        } else if (Character.isWhitespace(cp)) {
            b.append(' ');
        } else if (!Character.isISOControl(cp) && !isInvisible(cp)) {
            b.appendCodePoint(cp);
        }
    }

    /** Bidi overrides and marks that make "gpj.exe" read "exe.jpg", and other format characters. */
    private static boolean isInvisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.SURROGATE || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED;
    }
}
