package org.guichet.parse;

import java.io.IOException;
import java.io.InputStream;

/** Where the parser streams each attachment's decoded bytes; the attachment store writes them, a dry run only hashes them. */
@FunctionalInterface
public interface AttachmentSink {

    /**
     * Reads {@code content} to its end and reports its SHA-256 and size.
     *
     * @throws IOException when the sink itself cannot store the bytes; the parser lets it escape as a {@link ParseException}
     */
    StoredPart store(InputStream content) throws IOException;

    /** A sink that reads and hashes the bytes without keeping them: for dry runs and tests. */
    static AttachmentSink hashingOnly() {
        return new DigestingSink();
    }
}
