package org.guichet.parse;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.SharedInputStream;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Splits a multipart's content into its parts in one pass over its lines, counting them as it goes: no part object
 * is built past the mail's part budget, so a multipart of millions of empty parts costs one scan and a few hundred
 * objects. Broken mail is read as mime4j and stalwart read it: a missing closing delimiter leaves the last part
 * running to the end; a missing boundary parameter is taken from the first "--" line; a part that is itself a
 * multipart with its parent's boundary (a duplicated boundary) owns the delimiters that follow, up to its own
 * closing one, instead of ending at the first of them.
 */
final class MultipartSplitter {

    /** The most bytes of a multipart read into memory when its content is transfer-encoded (not a view of the mail). */
    static final int MAX_ENCODED_MULTIPART = 16 * 1024 * 1024;
    private static final int KEPT_LINE_BYTES = 1024;

    private final SharedInputStream content;
    private final Problems problems;
    private final int room;
    private final String where;

    private MultipartSplitter(SharedInputStream content, int room, String where, Problems problems) {
        this.content = content;
        this.room = room;
        this.where = where;
        this.problems = problems;
    }

    /**
     * The children of {@code part}, at most {@code room + 1} of them, so that a caller counting parts sees that there
     * were more; empty when the content cannot be read.
     */
    static List<BodyPart> children(Part part, PartInfo info, int room, Problems problems) {
        Optional<SharedInputStream> content = shared(part, info, problems);
        if (content.isEmpty()) {
            return List.of();
        }
        Optional<String> boundary = boundary(part, problems);
        try {
            return new MultipartSplitter(content.get(), room, info.where(), problems).split(boundary);
        } catch (IOException | MessagingException | RuntimeException e) {
            problems.add(TextDecoder.capitalise(info.where()) + " is a broken multipart (" + MimeAccess.reason(e)
                    + "); its parts were left out.");
            return List.of();
        }
    }

    /** The boundary a part declares when it is a multipart, stripped; empty for any other part. */
    static Optional<String> boundary(Part part, Problems problems) {
        return MimeAccess.header(part, "Content-Type", problems).stream().findFirst()
                .filter(type -> type.strip().toLowerCase(Locale.ROOT).startsWith("multipart"))
                .flatMap(MultipartSplitter::boundaryParameter)
                .map(String::strip).filter(b -> !b.isEmpty());
    }

    private static Optional<String> boundaryParameter(String contentType) {
        try {
            return Optional.ofNullable(new ContentType(HeaderText.unfold(contentType)).getParameter("boundary"));
        } catch (jakarta.mail.internet.ParseException | RuntimeException e) {
            return RawParams.boundary(HeaderText.unfold(contentType));
        }
    }

    private static Optional<SharedInputStream> shared(Part part, PartInfo info, Problems problems) {
        Optional<InputStream> decoded = MimeAccess.decodedContent(part, info.where(), problems);
        if (decoded.isEmpty() || decoded.get() instanceof SharedInputStream) {
            return decoded.map(SharedInputStream.class::cast);
        }
        try (InputStream in = new GuardedInputStream(decoded.get(), info.where(), problems)) {
            byte[] bytes = in.readNBytes(MAX_ENCODED_MULTIPART);
            if (in.read() >= 0) {
                problems.add(TextDecoder.capitalise(info.where()) + " is an encoded multipart over "
                        + MAX_ENCODED_MULTIPART / (1024 * 1024) + " MiB; the rest was left out.");
            }
            return Optional.of(new SharedByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new IllegalStateException("A guarded stream does not throw.", e);
        }
    }

    private List<BodyPart> split(Optional<String> declared) throws IOException, MessagingException {
        List<BodyPart> parts = new ArrayList<>();
        Lines lines = new Lines(content.newStream(0, -1));
        String boundary = declared.orElse(null);
        long partStart = -1;
        long previousEnd = 0; // where the line before ends, its line break left out: a delimiter owns the break before it
        int nested = 0;
        int delimiters = 0;
        Delimiter previous = Delimiter.NONE;
        Delimiter delimiter = Delimiter.NONE;
        for (Line line = lines.next(); line != null; line = lines.next()) {
            if (boundary == null && line.startsWithDashes()) {
                boundary = line.text().substring(2).strip();
                problems.add(TextDecoder.capitalise(where) + " has no boundary parameter; its first \"--\" line was"
                        + " taken as the boundary.");
            }
            previous = delimiter;
            delimiter = boundary == null ? Delimiter.NONE : line.delimiter(boundary);
            if (delimiter == Delimiter.NONE) {
                previousEnd = line.contentEnd();
                continue;
            }
            if (delimiter == Delimiter.CLOSE && nested > 0) {
                nested--;
                previousEnd = line.contentEnd();
                continue;
            }
            if (nested == 0 && partStart >= 0) {
                parts.add(part(partStart, Math.max(partStart, previousEnd)));
                partStart = -1;
            }
            if (++delimiters > room + 1 || delimiter == Delimiter.CLOSE) {
                if (partStart >= 0) { // the budget ran out inside a part that owns its delimiters
                    parts.add(part(partStart, Math.max(partStart, previousEnd)));
                    partStart = -1;
                }
                if (delimiter == Delimiter.CLOSE && previous == Delimiter.OPEN && nested == 0) {
                    epilogueAfterEmptyPart(parts, line, lines);
                }
                break;
            }
            if (nested == 0) {
                partStart = line.end();
            }
            nested += sameBoundary(line.end(), boundary) ? 1 : 0;
            previousEnd = line.contentEnd();
        }
        if (partStart >= 0) {
            parts.add(part(partStart, lines.position()));
        }
        if (delimiters == 0) {
            problems.add(TextDecoder.capitalise(where) + " has no delimiter line for its boundary; it holds no part.");
        }
        return parts.size() > room + 1 ? List.copyOf(parts.subList(0, room + 1)) : parts;
    }

    /**
     * A closing delimiter right after an opening one: the text after it is read as the empty part's content rather
     * than lost, as Jakarta Mail reads it (mime4j drops it as epilogue).
     */
    private void epilogueAfterEmptyPart(List<BodyPart> parts, Line close, Lines lines)
            throws IOException, MessagingException {
        while (lines.next() != null) {
            // read to the end, to know where it is
        }
        if (!parts.isEmpty() && lines.position() > close.end()) {
            parts.set(parts.size() - 1, part(close.end(), lines.position()));
        }
    }

    private BodyPart part(long start, long end) throws MessagingException {
        return new BoundedPart(content, start, end, problems);
    }

    /** Whether the part starting at {@code start} is a multipart declaring the same boundary as its parent. */
    private boolean sameBoundary(long start, String boundary) throws MessagingException {
        Problems ignored = new Problems();
        BoundedPart peek = new BoundedPart(content, start, -1, ignored);
        return boundary(peek, ignored).filter(boundary::equals).isPresent();
    }

    enum Delimiter { NONE, OPEN, CLOSE }

    /**
     * One line: its first bytes as text, where its content ends (before its line break) and where it ends (past it),
     * and whether the bytes past those kept are blank.
     */
    private record Line(String text, long contentEnd, long end, boolean restBlank) {

        boolean startsWithDashes() {
            return text.startsWith("--") && text.strip().length() > 2;
        }

        /** "--boundary" or "--boundary--", then only white space (RFC 2046 transport padding). */
        Delimiter delimiter(String boundary) {
            if (!text.startsWith("--") || !text.startsWith(boundary, 2) || !restBlank) {
                return Delimiter.NONE;
            }
            String after = text.substring(2 + boundary.length());
            if (after.isBlank()) {
                return Delimiter.OPEN;
            }
            return after.startsWith("--") && after.substring(2).isBlank() ? Delimiter.CLOSE : Delimiter.NONE;
        }
    }

    /** Reads lines ending in LF or CRLF, keeping only the first {@value #KEPT_LINE_BYTES} bytes of each. */
    private static final class Lines {
        private final InputStream in;
        private final byte[] buffer = new byte[64 * 1024];
        private int length;
        private int index;
        private long position;

        Lines(InputStream in) {
            this.in = in;
        }

        long position() {
            return position;
        }

        Line next() throws IOException {
            byte[] kept = new byte[KEPT_LINE_BYTES];
            int keptLength = 0;
            boolean restBlank = true;
            boolean any = false;
            boolean afterCr = false;
            while (true) {
                if (index == length && !fill()) {
                    return any ? line(kept, keptLength, position, restBlank) : null;
                }
                any = true;
                byte b = buffer[index++];
                position++;
                if (b == '\n') {
                    return line(kept, keptLength, position - 1 - (afterCr ? 1 : 0), restBlank);
                }
                afterCr = b == '\r';
                if (keptLength < KEPT_LINE_BYTES) {
                    kept[keptLength++] = b;
                } else if (b != ' ' && b != '\t' && b != '\r') {
                    restBlank = false;
                }
            }
        }

        private Line line(byte[] kept, int keptLength, long contentEnd, boolean restBlank) {
            int n = keptLength > 0 && kept[keptLength - 1] == '\r' ? keptLength - 1 : keptLength;
            return new Line(new String(kept, 0, n, StandardCharsets.ISO_8859_1), contentEnd, position, restBlank);
        }

        private boolean fill() throws IOException {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.io.InterruptedIOException("the parse was abandoned by its watchdog");
            }
            length = Math.max(in.read(buffer), 0);
            index = 0;
            return length > 0;
        }
    }
}
