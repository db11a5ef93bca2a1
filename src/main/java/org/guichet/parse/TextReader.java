package org.guichet.parse;

import jakarta.mail.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Reads the inline text parts of a mail into memory, decoded, within a budget for the whole mail: text past it is
 * left out (the raw mail keeps it), so that a mail made of one huge text part cannot exhaust memory.
 */
final class TextReader {

    /** The most decoded bytes of body text read from one mail. */
    static final int MAX_TEXT_BYTES = 4 * 1024 * 1024;

    private final Problems problems;
    private int budget = MAX_TEXT_BYTES;

    TextReader(Problems problems) {
        this.problems = problems;
    }

    /** The decoded text of {@code part}, cut at the budget; empty when it cannot be decoded at all. */
    Optional<BodyPiece> read(Part part, PartInfo info) {
        return MimeAccess.decodedContent(part, info.where(), problems)
                .map(in -> readBounded(in, info))
                .map(bytes -> TextDecoder.decode(bytes, info.charset(), info.where(), problems))
                .map(text -> new BodyPiece(text, info.mimeType().equals("text/html")));
    }

    /** Whether the part has at least one byte of decoded content. */
    boolean hasContent(Part part, PartInfo info) {
        return MimeAccess.decodedContent(part, info.where(), problems)
                .map(in -> new GuardedInputStream(in, info.where(), problems))
                .map(in -> in.read() >= 0)
                .orElse(false);
    }

    private byte[] readBounded(InputStream content, PartInfo info) {
        try (InputStream guarded = new GuardedInputStream(content, info.where(), problems)) {
            byte[] bytes = guarded.readNBytes(budget);
            budget -= bytes.length;
            if (guarded.read() >= 0) {
                problems.add(TextDecoder.capitalise(info.where()) + " holds more than " + MAX_TEXT_BYTES / (1024 * 1024)
                        + " MiB of body text; the rest was left out of the text.");
            }
            return bytes;
        } catch (IOException e) {
            throw new IllegalStateException("A guarded stream does not throw.", e);
        }
    }
}
