package org.guichet.parse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * One line of a header section, with its terminator, as read by {@link Scanner}.
 *
 * @param bytes the line's bytes with its terminator, at most {@value #MAX_KEPT} of them
 * @param start offset of its first byte from where scanning began
 * @param end offset just past its terminator
 * @param complete whether {@code bytes} holds the whole line
 * @param terminated whether the line ends in CR, LF or CRLF rather than at the end of the stream
 */
record HeaderLine(byte[] bytes, long start, long end, boolean complete, boolean terminated) {

    /** The longest line kept whole; longer ones are only skipped. */
    static final int MAX_KEPT = 64 * 1024;

    /** The blank line that ends the section, or the end of the stream. */
    boolean isEnd() {
        return !terminated && bytes.length == 0 || terminated && text().isBlank() && !isContinuation();
    }

    /** A field name (printable ASCII but the colon), then blanks (RFC 5322 section 4.5's obsolete syntax), a colon. */
    boolean isField() {
        int i = 0;
        while (i < bytes.length && bytes[i] >= '!' && bytes[i] <= '~' && bytes[i] != ':') {
            i++;
        }
        if (i == 0) {
            return false;
        }
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t')) {
            i++;
        }
        return i < bytes.length && bytes[i] == ':';
    }

    /** Holds control bytes (tab and line breaks aside): garbage rather than a line of text or a field. */
    boolean isBinary() {
        for (byte b : bytes) {
            if ((b >= 0 && b < 0x20 && b != '\t' && b != '\r' && b != '\n') || b == 0x7F) {
                return true;
            }
        }
        return false;
    }

    /** A folded line continuing the field before it. */
    boolean isContinuation() {
        return bytes.length > 0 && (bytes[0] == ' ' || bytes[0] == '\t') && !text().isBlank();
    }

    /** The "From sender date" line that starts each mail of an mbox file. */
    boolean isMboxSeparator() {
        return text().startsWith("From ");
    }

    private String text() {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** Splits a stream into lines ending in LF, CRLF or a lone CR, counting the bytes consumed. */
    static final class Scanner {

        private final InputStream in;
        private long consumed;
        private int pending = -1;

        Scanner(InputStream in) {
            this.in = in;
        }

        /** Bytes taken from the stream so far, a byte read ahead after a lone CR included. */
        long consumed() {
            return consumed;
        }

        HeaderLine next() throws IOException {
            long start = consumed - (pending >= 0 ? 1 : 0);
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long length = 0;
            for (int b = take(); b >= 0; b = take()) {
                keep(line, b, ++length);
                if (b == '\r') {
                    length += takeLfAfterCr(line, length);
                }
                if (b == '\n' || b == '\r') {
                    return new HeaderLine(line.toByteArray(), start, start + length, length <= MAX_KEPT, true);
                }
            }
            return new HeaderLine(line.toByteArray(), start, start + length, length <= MAX_KEPT, false);
        }

        /** Takes the LF after a CR and returns 1, or holds back the byte read ahead for the next line and returns 0. */
        private int takeLfAfterCr(ByteArrayOutputStream line, long length) throws IOException {
            int next = take();
            if (next == '\n') {
                keep(line, next, length + 1);
                return 1;
            }
            pending = next;
            return 0;
        }

        private int take() throws IOException {
            if (pending >= 0) {
                int b = pending;
                pending = -1;
                return b;
            }
            int b = in.read();
            consumed += b >= 0 ? 1 : 0;
            return b;
        }

        private static void keep(ByteArrayOutputStream line, int b, long length) {
            if (length <= MAX_KEPT) {
                line.write(b);
            }
        }
    }
}
