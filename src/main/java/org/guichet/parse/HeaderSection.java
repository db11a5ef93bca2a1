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
 * the first line of a body whose blank separator line is missing. So does a line of white space only, which its
 * sender meant as the blank line.
 */
final class HeaderSection {

    static final int MAX_HEADER_BYTES = 1024 * 1024;
    private static final byte[] BLANK_LINE = {'\r', '\n'};

    private final Problems problems;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private boolean sawField;
    private boolean cut;

    private HeaderSection(Problems problems) {
        this.problems = problems;
    }

    /** Reads the header fields from {@code in}, which must support mark and reset, as Jakarta Mail's shared streams do. */
    static InternetHeaders read(InputStream in, Problems problems) throws MessagingException {
        try {
            return new HeaderSection(problems).readFrom(in);
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
            HeaderLine line = lines.next();
            if (line.isEnd()) {
                return line.end();
            }
            if (!sawField && !line.isField()) {
                junkBeforeFields(line);
                continue;
            }
            if (!line.isField() && !(sawField && line.isContinuation())) {
                problems.add("The header section ends at a line that is not a header field, with no blank line"
                        + " before the body; that line was read as the start of the body.");
                return line.start();
            }
            keep(line);
        }
    }

    /** An mbox "From " line, or bytes that are no header field before the first one: skipped, as Jakarta Mail does. */
    private void junkBeforeFields(HeaderLine line) {
        if (!line.isMboxSeparator()) {
            problems.add("The mail starts with a line that is not a header field; it was skipped.");
        }
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
