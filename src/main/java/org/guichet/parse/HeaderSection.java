package org.guichet.parse;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the top header section of a mail within {@value #MAX_HEADER_BYTES} bytes, leaving the stream at the start of
 * the body. Past the bound, fields are dropped (and the section still skipped to its end), so that a mail made of one
 * endless header cannot exhaust memory. A line that cannot be a header field ends the section, as in mime4j: it is
 * the first line of a body whose blank separator line is missing; when the very first line is no field, the mail
 * has no header section at all and is all body. A line of white space only ends the section too, as its sender
 * meant it as the blank line, unless a folded line or a field follows it: then it is RFC 5322 section 4.2's obsolete
 * folding, read through.
 */
final class HeaderSection {

    static final int MAX_HEADER_BYTES = 1024 * 1024;
    private static final byte[] BLANK_LINE = {'\r', '\n'};

    private final Problems problems;
    private final String what;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private boolean sawField;
    private boolean cut;
    private HeaderLine pushedBack;

    private HeaderSection(String what, Problems problems) {
        this.what = what;
        this.problems = problems;
    }

    /** Reads the header fields from {@code in}, which must support mark and reset, as Jakarta Mail's shared streams do. */
    static InternetHeaders read(InputStream in, Problems problems) throws MessagingException {
        return read(in, "The mail", problems);
    }

    /** The same for a part of a multipart; {@code what} ("A part") names it in problems. */
    static InternetHeaders read(InputStream in, String what, Problems problems) throws MessagingException {
        try {
            return new HeaderSection(what, problems).readFrom(in);
        } catch (IOException e) {
            throw new MessagingException("The header section could not be read: " + MimeAccess.reason(e), e);
        }
    }

    private InternetHeaders readFrom(InputStream in) throws IOException, MessagingException {
        in.mark(MAX_HEADER_BYTES + HeaderLine.MAX_KEPT);
        HeaderLine.Scanner lines = new HeaderLine.Scanner(in);
        long bodyStart = scan(lines);
        if (lines.consumed() <= MAX_HEADER_BYTES) {
            in.reset();
            in.skipNBytes(bodyStart);
        }
        if (cut) {
            problems.add("The header section is larger than " + MAX_HEADER_BYTES / 1024
                    + " KiB; the fields past that were dropped.");
        }
        kept.writeBytes(BLANK_LINE);
        return new InternetHeaders(new ByteArrayInputStream(kept.toByteArray()), false);
    }

    /** Keeps the fields, within the bound; returns the offset of the body's first byte. */
    private long scan(HeaderLine.Scanner lines) throws IOException {
        while (true) {
            HeaderLine line = next(lines);
            if (line.isEnd() && !foldsOn(line, lines)) {
                return line.end();
            }
            if (line.isEnd()) {
                continue; // a white-space line inside a folded field: RFC 5322 obs-FWS
            }
            if (!sawField && !line.isField() && line.isMboxSeparator()) {
                continue;
            }
            if (!sawField && !line.isField() && line.isBinary()) {
                problems.add(what + " starts with a line of control bytes; it was skipped.");
                continue;
            }
            if (!sawField && !line.isField()) {
                problems.add(what + " has no header section (its first line is not a header field); it was all read"
                        + " as body.");
                return line.start();
            }
            if (!line.isField() && !(sawField && line.isContinuation())) {
                problems.add("The header section ends at a line that is not a header field, with no blank line"
                        + " before the body; that line was read as the start of the body.");
                return line.start();
            }
            keep(line);
        }
    }

    private HeaderLine next(HeaderLine.Scanner lines) throws IOException {
        HeaderLine line = pushedBack != null ? pushedBack : lines.next();
        pushedBack = null;
        return line;
    }

    /** Whether a line of white space only, after a field, is followed by a folded line or a field. */
    private boolean foldsOn(HeaderLine line, HeaderLine.Scanner lines) throws IOException {
        if (!sawField || line.bytes().length == 0 || !line.terminated() || isLineBreak(line)) {
            return false;
        }
        pushedBack = lines.next();
        return pushedBack.isContinuation() || pushedBack.isField();
    }

    private static boolean isLineBreak(HeaderLine line) {
        byte first = line.bytes()[0];
        return first == '\r' || first == '\n';
    }

    private void keep(HeaderLine line) {
        sawField = true;
        if (!cut && line.complete() && kept.size() + line.bytes().length <= MAX_HEADER_BYTES) {
            kept.writeBytes(line.bytes());
            if (!line.terminated()) {
                kept.writeBytes(BLANK_LINE);
            }
        } else {
            cut = true;
        }
    }
}
