package org.guichet.parse;

import jakarta.mail.util.SharedByteArrayInputStream;
import jakarta.mail.util.SharedFileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A raw mail made readable as a Jakarta Mail shared stream: kept in memory when small, written to a temporary file
 * when large, so that parsing a 50 MB mail holds only buffers in memory. Closing it deletes the file.
 */
final class Spool implements AutoCloseable {

    /** Mails up to this size are parsed from memory. */
    static final int IN_MEMORY_BYTES = 1024 * 1024;

    private final InputStream stream;
    private final Path file;

    private Spool(InputStream stream, Path file) {
        this.stream = stream;
        this.file = file;
    }

    /** Reads {@code raw} to its end, into memory or into a temporary file. */
    static Spool of(InputStream raw) throws IOException {
        byte[] head = raw.readNBytes(IN_MEMORY_BYTES + 1);
        if (head.length <= IN_MEMORY_BYTES) {
            return new Spool(new SharedByteArrayInputStream(head), null);
        }
        Path file = Files.createTempFile("guichet-mail-", ".eml");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(head);
            raw.transferTo(out);
            return new Spool(new SharedFileInputStream(file.toFile()), file);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** The mail as a shared stream: a SharedByteArrayInputStream or a SharedFileInputStream. */
    InputStream stream() {
        return stream;
    }

    @Override
    public void close() throws IOException {
        try {
            stream.close();
        } finally {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        }
    }
}
