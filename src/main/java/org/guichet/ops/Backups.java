package org.guichet.ops;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.guichet.GuichetException;
import org.guichet.config.Storage;
import org.guichet.store.DatabaseBackup;

/**
 * {@code guichet backup FILE.tar.gz} ({@link Restore} reads it back). The database is copied first, at
 * one instant; the stored files after it. Files are named by their hash and never change, and a row is committed
 * only once its files are written, so every file the copied database names is in the archive (files added
 * meanwhile come along unnamed, which is harmless). The database's generated password comes along, so that the
 * copy opens as the database did; {@link Restore} puts it all back.
 */
public final class Backups {
    static final String MANIFEST = "guichet-backup.txt";
    static final String DATABASE = "database/h2-backup.zip";
    static final String PASSWORD = "database/h2.password";
    static final Pattern BLOB = Pattern.compile("(attachments|messages)/([0-9a-f]{2})/(\\2[0-9a-f]{62})");

    private final Storage storage;
    private final DatabaseBackup database;
    private final Clock clock;

    public Backups(Storage storage, DatabaseBackup database, Clock clock) {
        this.storage = storage;
        this.database = database;
        this.clock = clock;
    }

    /** What a backup or a restore did, in a sentence or two for the administrator. */
    public record Report(boolean withDatabase, long attachments, long rawMails, long bytes, Optional<String> advice) {
    }

    /** Writes the archive to a temporary file beside {@code target}, moved into place once complete. */
    public Report backup(Path target) {
        if (Files.exists(target)) {
            throw new BackupException(target + " exists already: name a new file, so that no backup is overwritten");
        }
        Path folder = target.toAbsolutePath().getParent();
        Path temp = null;
        Path dbZip = null;
        try {
            Files.createDirectories(folder);
            temp = Files.createTempFile(folder, ".guichet-backup-", ".part");
            long[] counts = new long[2];
            boolean withDatabase = database.isH2File();
            try (OutputStream file = Files.newOutputStream(temp);
                 GZIPOutputStream gzip = new GZIPOutputStream(new BufferedOutputStream(file), 1 << 16)) {
                Tar.Writer tar = new Tar.Writer(gzip);
                tar.add(MANIFEST, manifest(withDatabase).getBytes(StandardCharsets.UTF_8));
                if (withDatabase) {
                    dbZip = Files.createTempFile(folder, ".guichet-db-", ".zip");
                    Files.delete(dbZip);
                    database.backupTo(dbZip);
                    tar.add(DATABASE, dbZip);
                    Optional<Path> password = database.passwordFile();
                    if (password.isPresent()) {
                        tar.add(PASSWORD, password.get());
                    }
                }
                counts[0] = addBlobs(tar, "attachments", storage.attachmentsDir());
                counts[1] = addBlobs(tar, "messages", storage.messagesDir());
                tar.finish();
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return new Report(withDatabase, counts[0], counts[1], Files.size(target),
                    withDatabase ? Optional.empty() : Optional.of(database.dumpAdvice()));
        } catch (IOException e) {
            throw new BackupException("cannot write the backup " + target + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
            deleteQuietly(dbZip);
        }
    }

    private String manifest(boolean withDatabase) {
        return "Guichet backup\nformat: 1\ncreated: " + clock.instant() + "\ndatabase: "
                + (withDatabase ? DATABASE + " (its password: " + PASSWORD + ")" : "not included (not an H2 file: use pg_dump)")
                + "\n";
    }

    /** The hash-named files of a store, skipping what is not one (files being written, the intake spool). */
    private static long addBlobs(Tar.Writer tar, String prefix, Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        long count = 0;
        try (Stream<Path> files = Files.walk(root, 2)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = prefix + "/" + root.relativize(file).toString().replace('\\', '/');
                if (BLOB.matcher(name).matches()) {
                    tar.add(name, file);
                    count++;
                }
            }
        }
        return count;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a leftover temporary file is no reason to fail the backup
            }
        }
    }

    /** A backup or restore that cannot be done, and why. */
    public static final class BackupException extends GuichetException {
        private static final long serialVersionUID = 1L;

        BackupException(String message) {
            super(message);
        }

        BackupException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
