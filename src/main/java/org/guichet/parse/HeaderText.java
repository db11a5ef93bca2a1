package org.guichet.parse;

import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Header values as people read them: unfolded, raw 8-bit bytes repaired, RFC 2047 encoded words decoded. */
final class HeaderText {

    private static final Pattern FOLD = Pattern.compile("\r?\n(?=[ \t])");
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?\\s]++)\\?([bBqQ])\\?([^?\\s]*+)\\?=");
    private static final Pattern BETWEEN_WORDS = Pattern.compile("(\\?=)[ \t]++(?==\\?)");
    private static final Pattern HEX_ESCAPE = Pattern.compile("=([0-9A-Fa-f]{2})");

    private HeaderText() {
    }

    /** Unfolds, repairs and decodes one raw header value; {@code what} names it in problems ("the Subject header"). */
    static String decode(String what, String raw, Problems problems) {
        return decodeWords(repairEightBit(what, unfold(raw), problems), problems);
    }

    /** Removes the line breaks of folded lines, and any stray line break. */
    static String unfold(String raw) {
        return FOLD.matcher(raw).replaceAll("").replace("\r", "").replace("\n", "");
    }

    /**
     * Reads raw 8-bit bytes as UTF-8 when they are valid UTF-8, else as windows-1252. Jakarta Mail hands them over
     * either decoded as UTF-8 or one char per byte; both come back as the bytes when every char is below 256.
     */
    static String repairEightBit(String what, String value, Problems problems) {
        if (!needsRepair(value)) {
            return value;
        }
        byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
        Optional<String> utf8 = TextDecoder.strictUtf8(bytes);
        if (utf8.isEmpty()) {
            problems.add(TextDecoder.capitalise(what) + " has raw 8-bit bytes that are not UTF-8; read as windows-1252.");
        }
        return utf8.orElseGet(() -> new String(bytes, TextDecoder.WINDOWS_1252));
    }

    private static boolean needsRepair(String value) {
        boolean eightBit = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF) {
                return false;
            }
            eightBit |= c >= 0x80;
        }
        return eightBit;
    }

    /** Decodes RFC 2047 encoded words, leniently; words in an unknown charset are guessed, broken ones kept raw. */
    static String decodeWords(String value, Problems problems) {
        if (!value.contains("=?")) {
            return value;
        }
        if (!isAscii(value)) {
            // Raw 8-bit characters inside encoded words: Jakarta Mail mangles them, our decoder keeps them.
            return decodeWordsByHand(value, problems);
        }
        try {
            return MimeUtility.decodeText(value);
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return decodeWordsByHand(value, problems);
        }
    }

    private static boolean isAscii(String value) {
        return value.chars().allMatch(c -> c < 0x80);
    }

    private static String decodeWordsByHand(String value, Problems problems) {
        String joined = BETWEEN_WORDS.matcher(value).replaceAll("$1");
        Matcher word = ENCODED_WORD.matcher(joined);
        StringBuilder out = new StringBuilder();
        while (word.find()) {
            word.appendReplacement(out, Matcher.quoteReplacement(decodeWord(word, problems)));
        }
        word.appendTail(out);
        return out.toString();
    }

    private static String decodeWord(Matcher word, Problems problems) {
        Optional<byte[]> bytes = wordBytes(word.group(2), word.group(3));
        if (bytes.isEmpty()) {
            problems.add("An encoded word could not be decoded; it was kept as written.");
            return word.group();
        }
        return TextDecoder.decodeNamed(word.group(1), bytes.get())
                .orElseGet(() -> guessWord(word.group(1), bytes.get(), problems));
    }

    private static String guessWord(String charset, byte[] bytes, Problems problems) {
        problems.add("An encoded word has the unknown charset \"" + charset + "\"; read as UTF-8 or windows-1252.");
        return TextDecoder.utf8OrWindows1252(bytes);
    }

    private static Optional<byte[]> wordBytes(String encoding, String text) {
        try {
            boolean base64 = encoding.toLowerCase(Locale.ROOT).equals("b");
            return Optional.of(base64 ? Base64.getMimeDecoder().decode(text) : quotedBytes(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] quotedBytes(String text) {
        String spaced = text.replace('_', ' ');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Matcher escape = HEX_ESCAPE.matcher(spaced);
        int last = 0;
        while (escape.find()) {
            out.writeBytes(latin1(spaced, last, escape.start()));
            out.write(Integer.parseInt(escape.group(1), 16));
            last = escape.end();
        }
        out.writeBytes(latin1(spaced, last, spaced.length()));
        return out.toByteArray();
    }

    private static byte[] latin1(String text, int from, int to) {
        return text.substring(from, to).getBytes(StandardCharsets.ISO_8859_1);
    }
}
