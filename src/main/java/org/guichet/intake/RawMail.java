package org.guichet.intake;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The raw bytes of one received mail, and where the mail was found: in a file (a large mail streamed from the
 * server, an imported one), or in memory (a small one downloaded with its batch, kept straight from there without a
 * spool file of its own).
 */
public final class RawMail {
    private final Path file;
    private final byte[] bytes;
    private final long size;
    private final MailSource source;

    public RawMail(Path file, long size, MailSource source) {
        this(Objects.requireNonNull(file), null, size, source);
    }

    private RawMail(Path file, byte[] bytes, long size, MailSource source) {
        this.file = file;
        this.bytes = bytes;
        this.size = size;
        this.source = Objects.requireNonNull(source);
    }

    /** A mail held in memory; the array is the caller's no more. */
    public static RawMail inMemory(byte[] bytes, MailSource source) {
        return new RawMail(null, Objects.requireNonNull(bytes), bytes.length, source);
    }

    /** The file the bytes are in, when they are in one. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The bytes themselves, when they are held in memory. */
    public Optional<byte[]> bytes() {
        return Optional.ofNullable(bytes);
    }

    public long size() {
        return size;
    }

    public MailSource source() {
        return source;
    }

    @Override
    public String toString() {
        return "RawMail[" + (file != null ? file : bytes.length + " bytes in memory") + ", " + source + "]";
    }
}
