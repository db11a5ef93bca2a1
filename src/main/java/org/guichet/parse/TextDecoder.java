package org.guichet.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns bytes into text with the declared charset, falling back to UTF-8 or windows-1252 when it is wrong or missing. */
final class TextDecoder {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Set<String> LATIN1_NAMES = Set.of("iso-8859-1", "iso8859-1", "iso_8859-1", "latin1",
            "l1", "cp819", "ibm819", "iso-ir-100", "8859-1");
    /** MIME names that Java does not know under that name; kept here rather than in MimeUtility so that this class
     * never touches Jakarta Mail (whose settings must be applied before its first use, see MimeSettings). */
    private static final Map<String, String> ALIASES = Map.of("macintosh", "x-MacRoman", "mac", "x-MacRoman",
            "iso-8859-8-i", "ISO-8859-8", "iso-8859-6-i", "ISO-8859-6", "x-user-defined", "windows-1252",
            "unicode", "UTF-16", "utf8mb4", "UTF-8");
    private static final Set<String> ASCII_NAMES = Set.of("us-ascii", "ascii", "us", "ansi_x3.4-1968", "iso646-us",
            "ascii7", "7bit");

    private TextDecoder() {
    }

    /** Decodes {@code bytes} of the part described by {@code where}, recording each fallback it takes. */
    static String decode(byte[] bytes, Optional<String> declared, String where, Problems problems) {
        String name = declared.map(TextDecoder::cleanName).orElse("");
        if (name.isEmpty()) {
            return guess(bytes, where, problems, "no charset is declared");
        }
        if (ASCII_NAMES.contains(name) || LATIN1_NAMES.contains(name)) {
            return decodeWesternLabel(bytes, name, where, problems);
        }
        if (Utf7.isUtf7(name)) {
            return Utf7.decode(bytes);
        }
        return lookup(name)
                .map(charset -> decodeKnown(bytes, charset, where, problems))
                .orElseGet(() -> guess(bytes, where, problems, "its charset \"" + name + "\" is unknown"));
    }

    /** Decodes with the named charset, UTF-7 included; empty when Java does not know it. */
    static Optional<String> decodeNamed(String name, byte[] bytes) {
        if (Utf7.isUtf7(cleanName(name))) {
            return Optional.of(Utf7.decode(bytes));
        }
        return lookup(name).map(charset -> new String(bytes, charset));
    }

    /** UTF-8 when the bytes are valid UTF-8, else windows-1252. */
    static String utf8OrWindows1252(byte[] bytes) {
        return strictUtf8(bytes).orElseGet(() -> new String(bytes, WINDOWS_1252));
    }

    static Optional<String> strictUtf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    static Optional<Charset> lookup(String name) {
        try {
            String clean = cleanName(name);
            String javaName = ALIASES.getOrDefault(clean, clean);
            return Charset.isSupported(javaName) ? Optional.of(Charset.forName(javaName)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String decodeWesternLabel(byte[] bytes, String name, String where, Problems problems) {
        if (isAscii(bytes)) {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        if (LATIN1_NAMES.contains(name) && !hasC1Bytes(bytes)) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        if (LATIN1_NAMES.contains(name)) {
            problems.add(capitalise(where) + " is labelled " + name + " but holds windows-1252 bytes; read as windows-1252.");
            return new String(bytes, WINDOWS_1252);
        }
        return guess(bytes, where, problems, "it is labelled us-ascii");
    }

    private static String decodeKnown(byte[] bytes, Charset charset, String where, Problems problems) {
        if (charset.equals(StandardCharsets.UTF_8) && strictUtf8(bytes).isEmpty()) {
            problems.add(capitalise(where) + " is not valid UTF-8; bad bytes were replaced.");
        }
        return new String(bytes, charset);
    }

    private static String guess(byte[] bytes, String where, Problems problems, String reason) {
        if (isAscii(bytes)) {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        Optional<String> utf8 = strictUtf8(bytes);
        String used = utf8.isPresent() ? "UTF-8" : "windows-1252";
        problems.add(capitalise(where) + " has 8-bit text but " + reason + "; read as " + used + ".");
        return utf8.orElseGet(() -> new String(bytes, WINDOWS_1252));
    }

    private static String cleanName(String raw) {
        String name = raw.trim().replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
        int language = name.indexOf('*');
        return language >= 0 ? name.substring(0, language) : name;
    }

    static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasC1Bytes(byte[] bytes) {
        for (byte b : bytes) {
            int unsigned = b & 0xFF;
            if (unsigned >= 0x80 && unsigned <= 0x9F) {
                return true;
            }
        }
        return false;
    }

    static String capitalise(String phrase) {
        return phrase.isEmpty() ? phrase : Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1);
    }
}
