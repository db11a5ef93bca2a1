package org.guichet.importer;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits an mbox file (mboxo or mboxrd) into its mails, streaming each one to a spool file: a mail starts at a
 * {@code From } line that is the first line or follows an empty one, and {@code >From } lines are unquoted.
 * A damaged file is read as far as possible and each damage recorded: bytes before the first mail or between
 * mails that are not a mail, a mail whose separator is missing, a last mail cut short.
 */
final class MboxReader {
    /** A separator names a sender and a date with a time: "From jane@example.org Mon Sep  2 08:15:00 2024". */
    private static final Pattern SEPARATOR = Pattern.compile("From \\S+ .*\\d{1,2}:\\d{2}.*");
    private static final Pattern HEADER = Pattern.compile("[!-9;-~]+:.*", Pattern.DOTALL);
    private static final Pattern BOUNDARY = Pattern.compile("(?is)\\bboundary\\s*=\\s*\"?([^\";\\r\\n]+)\"?");
    private static final int HEADER_LIMIT = 64 * 1024;

    private final Path file;
    private final MailSpool spool;
    private final List<Damage> damage = new ArrayList<>();

    /** One mail of the mbox, its bytes in a spool file that the reader deletes once the consumer returns. */
    record Entry(Path file, long size, int index, long line) {
    }

    interface Consumer {
        void accept(Entry entry, long bytesRead) throws IOException;
    }

    MboxReader(Path file, MailSpool spool) {
        this.file = file;
        this.spool = spool;
    }

    List<Damage> damage() {
        return damage;
    }

    /** Hands every mail of the file to the consumer, in order; returns how many there were. */
    int read(InputStream raw, Consumer consumer) throws IOException {
        LineReader in = new LineReader(new BufferedInputStream(raw, 1 << 16));
        Current current = null;
        int index = 0;
        byte[] line;
        long garbageFrom = -1;
        long garbageBytes = 0;
        boolean previousBlank = true;
        while ((line = in.next()) != null) {
            int zeros = leadingZeros(line);
            if (zeros > 0) {
                // zero bytes left by a crash end a mail: what follows them starts afresh
                garbageFrom = garbageFrom < 0 ? in.lineNumber() : garbageFrom;
                garbageBytes += zeros;
                line = Arrays.copyOfRange(line, zeros, line.length);
                previousBlank = true;
                if (ascii(line).isBlank()) {
                    continue;
                }
            }
            String text = ascii(line);
            boolean blank = text.isBlank();
            if ((previousBlank || current == null) && SEPARATOR.matcher(text.stripTrailing()).matches()) {
                garbageBytes = reportGarbage(garbageFrom, garbageBytes);
                garbageFrom = -1;
                index = finish(current, consumer, in.bytesRead() - line.length, index);
                current = new Current(spool.create(), in.lineNumber() + 1);
            } else if (current == null) {
                garbageFrom = garbageFrom < 0 ? in.lineNumber() : garbageFrom;
                garbageBytes += line.length;
                continue;
            } else if (previousBlank && current.startsAnother(text)) {
                damage.add(new Damage(file, in.lineNumber(), "no 'From ' line before this mail: read as a mail of its own"));
                index = finish(current, consumer, in.bytesRead() - line.length, index);
                current = new Current(spool.create(), in.lineNumber());
                current.write(line, text);
            } else {
                garbageBytes = reportGarbage(garbageFrom, garbageBytes);
                garbageFrom = -1;
                current.write(unquote(line, text), text);
            }
            previousBlank = blank;
        }
        reportGarbage(garbageFrom, garbageBytes);
        if (current != null && in.endedMidLine()) {
            current.cut("the file ends in the middle of a line");
        }
        return finish(current, consumer, in.bytesRead(), index);
    }

    private long reportGarbage(long from, long bytes) {
        if (bytes > 0) {
            damage.add(new Damage(file, from, bytes + " bytes of garbage (not a mail, or zero bytes left by a crash):"
                    + " skipped"));
        }
        return 0;
    }

    /** Hands a finished mail over, unless it is not a mail at all; returns the index of the last mail handed. */
    private int finish(Current current, Consumer consumer, long bytesRead, int index) throws IOException {
        if (current == null) {
            return index;
        }
        try {
            current.close();
            if (!current.looksLikeMail()) {
                damage.add(new Damage(file, current.line, current.size + " bytes that are not a mail: skipped"));
                return index;
            }
            current.truncation().ifPresent(why -> damage.add(new Damage(file, current.line,
                    "mail " + (index + 1) + " is cut short (" + why + "): imported as far as it goes")));
            consumer.accept(new Entry(current.spoolFile, current.size, index + 1, current.line), bytesRead);
            return index + 1;
        } finally {
            spool.delete(current.spoolFile);
        }
    }

    /** Blocks of zero bytes are what a crash leaves in a file being appended to: they are no part of any mail. */
    private static int leadingZeros(byte[] line) {
        int n = 0;
        while (n < line.length && line[n] == 0) {
            n++;
        }
        return n;
    }

    /** mboxrd quotes every {@code >*From } line of a mail with one more {@code >}: remove it. */
    private static byte[] unquote(byte[] line, String text) {
        if (text.startsWith(">") && text.replaceFirst("^>+", "").startsWith("From ")) {
            byte[] shorter = new byte[line.length - 1];
            System.arraycopy(line, 1, shorter, 0, shorter.length);
            return shorter;
        }
        return line;
    }

    private static String ascii(byte[] line) {
        return new String(line, StandardCharsets.ISO_8859_1);
    }

    /** The mail being read: its spool file, its header section while it lasts, the state of its MIME ending. */
    private static final class Current {
        private final Path spoolFile;
        private final long line;
        private final OutputStream out;
        private final ByteArrayOutputStream header = new ByteArrayOutputStream();
        private long size;
        private boolean inHeader = true;
        private String firstHeader;
        private String closing;
        private boolean closed;
        private byte[] pendingBlank;
        private String cut;

        Current(Path spoolFile, long line) throws IOException {
            this.spoolFile = spoolFile;
            this.line = line;
            this.out = Files.newOutputStream(spoolFile);
        }

        /** The empty line before a separator belongs to the mbox, not to the mail: it is held back until then. */
        void write(byte[] bytes, String text) throws IOException {
            if (pendingBlank != null) {
                emit(pendingBlank, "");
                pendingBlank = null;
            }
            if (text.isBlank() && !inHeader) {
                pendingBlank = bytes;
                return;
            }
            emit(bytes, text);
        }

        private void emit(byte[] bytes, String text) throws IOException {
            out.write(bytes);
            size += bytes.length;
            if (inHeader) {
                readHeader(bytes, text);
            } else if (closing != null && text.stripTrailing().equals(closing)) {
                closed = true;
            }
        }

        private void readHeader(byte[] bytes, String text) {
            if (text.isBlank()) {
                inHeader = false;
                Matcher m = BOUNDARY.matcher(header.toString(StandardCharsets.ISO_8859_1));
                closing = m.find() ? "--" + m.group(1).strip() + "--" : null;
                return;
            }
            if (firstHeader == null) {
                firstHeader = HEADER.matcher(text).matches() ? text.substring(0, text.indexOf(':')) : "";
            }
            if (header.size() < HEADER_LIMIT) {
                header.writeBytes(bytes);
            }
        }

        /**
         * A delivery writes its trace header (Return-Path, Delivered-To) at the top of every mail it stores: the
         * same header opening a paragraph of this mail's body is the next mail, its separator lost.
         */
        boolean startsAnother(String text) {
            return !inHeader && firstHeader != null
                    && (firstHeader.equalsIgnoreCase("Return-Path") || firstHeader.equalsIgnoreCase("Delivered-To"))
                    && text.regionMatches(true, 0, firstHeader + ":", 0, firstHeader.length() + 1);
        }

        boolean looksLikeMail() {
            return firstHeader != null && !firstHeader.isEmpty();
        }

        void cut(String why) {
            cut = why;
        }

        Optional<String> truncation() {
            if (inHeader) {
                return Optional.of("it ends inside its header");
            }
            if (closing != null && !closed) {
                return Optional.of("its last MIME part has no closing boundary");
            }
            return Optional.ofNullable(cut);
        }

        void close() throws IOException {
            out.close();
        }
    }
}
