package org.guichet.ops;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The few lines of the POSIX ustar format a backup needs: regular files with short relative names, written and
 * read back. The JDK has no tar, and the names here are our own (hashes), so no library is worth its weight.
 */
final class Tar {
    static final int BLOCK = 512;
    static final int MAX_NAME = 100;

    private Tar() {
    }

    /** Writes a tar stream of regular files. */
    static final class Writer {
        private final OutputStream out;

        Writer(OutputStream out) {
            this.out = out;
        }

        void add(String name, Path file) throws IOException {
            long size = Files.size(file);
            out.write(header(name, size, Files.getLastModifiedTime(file).toMillis() / 1000));
            try (InputStream in = Files.newInputStream(file)) {
                long copied = in.transferTo(out);
                if (copied != size) {
                    throw new IOException(file + " changed size while it was archived");
                }
            }
            pad(size);
        }

        void add(String name, byte[] content) throws IOException {
            out.write(header(name, content.length, System.currentTimeMillis() / 1000));
            out.write(content);
            pad(content.length);
        }

        /** Two empty blocks end the archive. */
        void finish() throws IOException {
            out.write(new byte[2 * BLOCK]);
            out.flush();
        }

        private void pad(long size) throws IOException {
            int rest = (int) (size % BLOCK);
            if (rest != 0) {
                out.write(new byte[BLOCK - rest]);
            }
        }

        private static byte[] header(String name, long size, long mtime) {
            byte[] h = new byte[BLOCK];
            byte[] n = name.getBytes(StandardCharsets.US_ASCII);
            if (n.length >= MAX_NAME || !name.equals(new String(n, StandardCharsets.US_ASCII))) {
                throw new IllegalArgumentException("not a short ASCII name: " + name);
            }
            System.arraycopy(n, 0, h, 0, n.length);
            octal(h, 100, 8, 0600); // owner only, also for whoever unpacks it by hand
            octal(h, 108, 8, 0);
            octal(h, 116, 8, 0);
            octal(h, 124, 12, size);
            octal(h, 136, 12, mtime);
            h[156] = '0';
            System.arraycopy("ustar\u000000".getBytes(StandardCharsets.US_ASCII), 0, h, 257, 8);
            Arrays.fill(h, 148, 156, (byte) ' ');
            long sum = 0;
            for (byte b : h) {
                sum += b & 0xff;
            }
            octal(h, 148, 7, sum);
            return h;
        }

        private static void octal(byte[] h, int offset, int length, long value) {
            String digits = Long.toOctalString(value);
            String padded = "0".repeat(Math.max(0, length - 1 - digits.length())) + digits;
            if (padded.length() > length - 1) {
                throw new IllegalArgumentException("too large for a tar header: " + value);
            }
            System.arraycopy(padded.getBytes(StandardCharsets.US_ASCII), 0, h, offset, length - 1);
        }
    }

    /** One file of an archive being read: its name and size; its bytes come next from the stream. */
    record Entry(String name, long size, boolean regularFile) {
    }

    /** Reads a tar stream entry by entry. */
    static final class Reader {
        private final InputStream in;
        private long unread;
        private long padding;

        Reader(InputStream in) {
            this.in = in;
        }

        /** The next entry, or null at the end of the archive. */
        Entry next() throws IOException {
            skip(unread + padding);
            unread = 0;
            padding = 0;
            byte[] h = in.readNBytes(BLOCK);
            if (h.length < BLOCK) {
                throw new EOFException("the archive ends in the middle of a header");
            }
            if (isZero(h)) {
                return null;
            }
            verify(h);
            int end = 0;
            while (end < MAX_NAME && h[end] != 0) {
                end++;
            }
            String name = new String(h, 0, end, StandardCharsets.UTF_8);
            long size = parseOctal(h, 124, 12);
            unread = size;
            padding = padding(size);
            return new Entry(name, size, h[156] == '0' || h[156] == 0);
        }

        /** The bytes of the current entry: read them all, or let {@link #next} skip them. */
        void copyTo(OutputStream out) throws IOException {
            byte[] buffer = new byte[8192];
            while (unread > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, unread));
                if (n < 0) {
                    throw new EOFException("the archive ends in the middle of a file");
                }
                out.write(buffer, 0, n);
                unread -= n;
            }
        }

        private void skip(long n) throws IOException {
            long left = n;
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new EOFException("the archive ends in the middle of a file");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        private static long padding(long size) {
            int rest = (int) (size % BLOCK);
            return rest == 0 ? 0 : BLOCK - rest;
        }

        private static boolean isZero(byte[] h) {
            for (byte b : h) {
                if (b != 0) {
                    return false;
                }
            }
            return true;
        }

        private static void verify(byte[] h) throws IOException {
            long expected = parseOctal(h, 148, 8);
            long sum = 0;
            for (int i = 0; i < BLOCK; i++) {
                sum += i >= 148 && i < 156 ? ' ' : h[i] & 0xff;
            }
            if (sum != expected) {
                throw new IOException("not a tar archive, or a damaged one (bad header checksum)");
            }
        }

        private static long parseOctal(byte[] h, int offset, int length) throws IOException {
            long value = 0;
            for (int i = offset; i < offset + length; i++) {
                byte b = h[i];
                if (b == 0 || b == ' ') {
                    continue;
                }
                if (b < '0' || b > '7') {
                    throw new IOException("not a tar archive, or a damaged one (bad number in a header)");
                }
                value = value * 8 + (b - '0');
            }
            return value;
        }
    }
}
