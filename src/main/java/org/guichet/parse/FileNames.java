package org.guichet.parse;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Attachment file names that are safe to show and to store: no path, no control or bidi-override character. */
final class FileNames {

    static final int MAX_CODE_POINTS = 150;
    private static final int MAX_EXTENSION = 16;
    private static final Pattern SUBTYPE_AS_EXTENSION = Pattern.compile("[a-z0-9]{1,8}");
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("text/plain", "txt"), Map.entry("text/html", "html"), Map.entry("text/calendar", "ics"),
            Map.entry("text/csv", "csv"), Map.entry("text/rfc822-headers", "txt"), Map.entry("text/enriched", "txt"),
            Map.entry("message/rfc822", "eml"), Map.entry("message/delivery-status", "txt"),
            Map.entry("message/disposition-notification", "txt"), Map.entry("image/jpeg", "jpg"),
            Map.entry("image/svg+xml", "svg"), Map.entry("application/pgp-signature", "asc"),
            Map.entry("application/pkcs7-signature", "p7s"), Map.entry("application/x-pkcs7-signature", "p7s"),
            Map.entry("application/pkcs7-mime", "p7m"), Map.entry("application/octet-stream", "bin"),
            Map.entry("application/msword", "doc"), Map.entry("application/ms-tnef", "dat"),
            Map.entry("application/vnd.ms-excel", "xls"), Map.entry("text/x-vcard", "vcf"),
            Map.entry("text/vcard", "vcf"));

    private FileNames() {
    }

    /** A safe name for the {@code index}-th attachment (from 1); made up from the content type when nothing is left. */
    static String sanitise(String raw, String contentType, int index) {
        String cleaned = truncate(stripLeadingDots(replaceUnsafe(raw)).strip());
        return cleaned.isEmpty() ? "attachment-" + index + "." + extensionFor(contentType) : cleaned;
    }

    /** Whether {@code name} is what {@link #sanitise} could have produced. */
    static boolean isSafe(String name) {
        return !name.isBlank() && name.equals(replaceUnsafe(name)) && !name.startsWith(".")
                && name.codePointCount(0, name.length()) <= MAX_CODE_POINTS && name.equals(name.strip());
    }

    static String extensionFor(String contentType) {
        String known = EXTENSIONS.get(contentType);
        if (known != null) {
            return known;
        }
        String subtype = contentType.substring(contentType.indexOf('/') + 1).toLowerCase(Locale.ROOT);
        return SUBTYPE_AS_EXTENSION.matcher(subtype).matches() ? subtype : "bin";
    }

    private static String replaceUnsafe(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints().forEach(cp -> appendSafe(out, cp));
        return out.toString();
    }

    private static void appendSafe(StringBuilder out, int cp) {
        if (cp == '/' || cp == '\\') {
            out.append('_');
        } else if (Character.isWhitespace(cp) && cp != ' ') {
            out.append(' ');
        } else if (!isControlOrBidi(cp)) {
            out.appendCodePoint(cp);
        }
    }

    private static boolean isControlOrBidi(int cp) {
        return Character.isISOControl(cp) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)
                || cp == 0x200E || cp == 0x200F || cp == 0x061C || cp == 0xFEFF
                || Character.getType(cp) == Character.SURROGATE;
    }

    private static String stripLeadingDots(String name) {
        int start = 0;
        while (start < name.length() && (name.charAt(start) == '.' || Character.isWhitespace(name.charAt(start)))) {
            start++;
        }
        return name.substring(start);
    }

    /** Cuts the name to {@value #MAX_CODE_POINTS} code points, keeping a short extension. */
    private static String truncate(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_CODE_POINTS) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= MAX_EXTENSION ? name.substring(dot) : "";
        String base = extension.isEmpty() ? name : name.substring(0, dot);
        int keep = MAX_CODE_POINTS - extension.codePointCount(0, extension.length());
        return base.substring(0, base.offsetByCodePoints(0, keep)).strip() + extension;
    }
}
