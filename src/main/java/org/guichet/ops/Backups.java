package org.guichet.ops;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.guichet.GuichetException;
import org.guichet.config.Storage;
import org.guichet.store.DatabaseBackup;

/**
 * {@code guichet backup FILE.tar.gz} and {@code guichet restore FILE.tar.gz}. The database is copied first, at
 * one instant; the stored files after it. Files are named by their hash and never change, and a row is committed
 * only once its files are written, so every file the copied database names is in the archive (files added
 * meanwhile come along unnamed, which is harmless).
 */
public final class Backups {
    static final String MANIFEST = "guichet-backup.txt";
    static final String DATABASE = "database/h2-backup.zip";
    private static final Pattern BLOB = Pattern.compile("(attachments|messages)/([0-9a-f]{2})/(\\2[0-9a-f]{62})");

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
                + (withDatabase ? DATABASE : "not included (not an H2 file: use pg_dump)") + "\n";
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

    /**
     * Restores an archive into an empty data folder: the database where the config puts it, the files in its
     * attachment and raw mail folders. Refuses to mix a backup into existing data, and checks each file's hash.
     */
    public Report restore(Path archive) {
        refuseExistingData();
        boolean withDatabase = false;
        long[] counts = new long[2];
        long bytes = 0;
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive)), 1 << 16)) {
            Tar.Reader tar = new Tar.Reader(in);
            boolean first = true;
            for (Tar.Entry entry = tar.next(); entry != null; entry = tar.next()) {
                if (first && !MANIFEST.equals(entry.name())) {
                    throw new BackupException(archive + " is not a Guichet backup (it does not start with " + MANIFEST + ")");
                }
                first = false;
                bytes += entry.size();
                if (entry.name().equals(DATABASE)) {
                    withDatabase = true;
                    restoreDatabase(tar);
                } else if (!entry.name().equals(MANIFEST)) {
                    int kind = restoreBlob(tar, entry);
                    counts[kind]++;
                }
            }
            if (first) {
                throw new BackupException(archive + " is an empty archive, not a Guichet backup");
            }
        } catch (java.util.zip.ZipException e) {
            throw new BackupException(archive + " is not a .tar.gz Guichet backup: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BackupException("cannot restore " + archive + ": " + e.getMessage(), e);
        }
        Optional<String> advice = withDatabase ? Optional.empty()
                : Optional.of("the archive holds no database (it was taken from PostgreSQL): restore it with pg_restore");
        return new Report(withDatabase, counts[0], counts[1], bytes, advice);
    }

    private void restoreDatabase(Tar.Reader tar) throws IOException {
        Path temp = Files.createTempFile("guichet-restore-", ".zip");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                tar.copyTo(out);
            }
            try (InputStream zip = Files.newInputStream(temp)) {
                DatabaseBackup.restoreH2(zip, storage.databaseUrl());
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Writes one stored file where its store keeps it; returns 0 for an attachment, 1 for a raw mail. */
    private int restoreBlob(Tar.Reader tar, Tar.Entry entry) throws IOException {
        var m = BLOB.matcher(entry.name());
        if (!entry.regularFile() || !m.matches()) {
            throw new BackupException("the archive holds an unexpected entry '" + printable(entry.name())
                    + "'; it was not written by guichet backup");
        }
        boolean attachment = m.group(1).equals("attachments");
        Path root = attachment ? storage.attachmentsDir() : storage.messagesDir();
        Path dir = Files.createDirectories(root.resolve(m.group(2)));
        Path target = dir.resolve(m.group(3));
        MessageDigest digest = sha256();
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target, StandardOpenOption.CREATE_NEW), digest)) {
            tar.copyTo(out);
        } catch (FileAlreadyExistsException e) {
            throw new BackupException("the archive holds " + entry.name() + " twice", e);
        }
        if (!HexFormat.of().formatHex(digest.digest()).equals(m.group(3))) {
            throw new BackupException("the archive is damaged: " + entry.name() + " does not match its hash");
        }
        return attachment ? 0 : 1;
    }

    private void refuseExistingData() {
        Optional<Path> dbFile = DatabaseBackup.h2File(storage.databaseUrl());
        if (dbFile.isPresent() && Files.exists(dbFile.get())) {
            throw new BackupException("the database " + dbFile.get() + " exists already: restore into an empty data"
                    + " folder (move the old one away first)");
        }
        for (Path dir : List.of(storage.attachmentsDir(), storage.messagesDir())) {
            if (holdsFiles(dir)) {
                throw new BackupException("the folder " + dir + " is not empty: restore into an empty data folder"
                        + " (move the old one away first)");
            }
        }
    }

    private static boolean holdsFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.anyMatch(Files::isRegularFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String printable(String name) {
        return name.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
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
