package org.guichet.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.guichet.PrivateFiles;
import org.guichet.parse.AttachmentSink;
import org.guichet.parse.StoredPart;

/**
 * Files kept once by the SHA-256 of their bytes, under a directory of their own: attachments, and the raw
 * bytes of every mail received. File names come from the hash only, never from a mail.
 */
public final class BlobStore implements AttachmentSink {
    private final Path root;

    public BlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** Streams content to disk, synced, and returns its hash and size; a second copy is not written. */
    @Override
    public StoredPart store(InputStream content) throws IOException {
        Path temp = tempFile();
        try {
            MessageDigest digest = sha256();
            long size;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), digest)) {
                size = content.transferTo(out);
                out.flush();
                channel.force(true);
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            Path target = pathOf(sha);
            if (!Files.exists(target)) {
                moveIntoPlace(temp, target);
            }
            return new StoredPart(sha, size);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Keeps bytes held in memory: hashed first, so that a second copy is not even written; otherwise written beside
     * their place, synced, then moved into it.
     */
    public StoredPart store(byte[] content) throws IOException {
        String sha = HexFormat.of().formatHex(sha256().digest(content));
        Path target = pathOf(sha);
        if (Files.exists(target)) {
            return new StoredPart(sha, content.length);
        }
        Path temp = tempFile();
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            moveIntoPlace(temp, target);
            return new StoredPart(sha, content.length);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private Path tempFile() throws IOException {
        return PrivateFiles.createTempFile(root, "incoming-", ".part");
    }

    /**
     * Keeps a mail already written to disk without writing it again: hashed as it is read once, synced, then
     * linked into place. Only files under this store's folder (intake's and import's spool) are linked; any
     * other file (one a user imports) is copied, so that changing it later cannot change what was kept.
     */
    public StoredPart keep(Path file) throws IOException {
        Path source = file.toAbsolutePath().normalize();
        if (!source.startsWith(root)) {
            try (InputStream in = Files.newInputStream(source)) {
                return store(in);
            }
        }
        MessageDigest digest = sha256();
        long size;
        try (FileChannel channel = FileChannel.open(source, StandardOpenOption.READ);
             OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            size = Channels.newInputStream(channel).transferTo(sink);
            channel.force(true);
        }
        String sha = HexFormat.of().formatHex(digest.digest());
        linkIntoPlace(source, pathOf(sha));
        return new StoredPart(sha, size);
    }

    private static void linkIntoPlace(Path file, Path target) throws IOException {
        if (Files.exists(target)) {
            return;
        }
        Files.createDirectories(target.getParent());
        try {
            Files.createLink(target, file);
        } catch (FileAlreadyExistsException raced) {
            // another copy of the same bytes got there first: same content, nothing to do
        }
    }

    /** Moves the synced file to its place; the caller saw nothing there (a copy racing it is the same bytes). */
    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException firstOfItsFolder) {
                PrivateFiles.createDirectories(target.getParent());
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (FileAlreadyExistsException raced) {
            // another copy of the same bytes got there first: same content, nothing to do
        }
    }

    /** The same store, keeping nothing over {@code maxBytes}: such content is only hashed and measured. */
    public AttachmentSink bounded(long maxBytes) {
        return new BoundedSink(this, maxBytes);
    }

    /** Where the bytes with this hash are, when they are kept here. */
    public Optional<Path> find(String sha256) {
        Path path = pathOf(sha256);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    private Path pathOf(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 in hex: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
