package org.guichet.parse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** UTF-7 (RFC 2152), which old Outlook versions still send and Java does not provide. */
final class Utf7 {

    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private Utf7() {
    }

    static boolean isUtf7(String charsetName) {
        String name = charsetName.trim().toLowerCase(Locale.ROOT);
        return name.equals("utf-7") || name.equals("utf7") || name.equals("unicode-1-1-utf-7");
    }

    static String decode(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < bytes.length) {
            char c = (char) (bytes[i] & 0xFF);
            if (c != '+') {
                out.append(c);
                i++;
            } else {
                i = shifted(bytes, i + 1, out);
            }
        }
        return out.toString();
    }

    /** Decodes one base64 run starting at {@code start}; returns the index after it. */
    private static int shifted(byte[] bytes, int start, StringBuilder out) {
        if (start < bytes.length && bytes[start] == '-') {
            out.append('+');
            return start + 1;
        }
        ByteArrayOutputStream utf16 = new ByteArrayOutputStream();
        int bits = 0;
        int buffer = 0;
        int i = start;
        for (; i < bytes.length && BASE64.indexOf(bytes[i]) >= 0; i++) {
            buffer = (buffer << 6) | BASE64.indexOf(bytes[i]);
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                utf16.write((buffer >> bits) & 0xFF);
            }
        }
        out.append(new String(utf16.toByteArray(), StandardCharsets.UTF_16BE));
        return i < bytes.length && bytes[i] == '-' ? i + 1 : i;
    }
}
