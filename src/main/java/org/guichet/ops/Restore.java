package org.guichet.ops;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.guichet.PrivateFiles;
import org.guichet.config.Storage;
import org.guichet.ops.Backups.BackupException;
import org.guichet.ops.Backups.Report;
import org.guichet.store.DatabaseBackup;
import org.guichet.store.StoreException;

/**
 * {@code guichet restore FILE.tar.gz}: an archive of {@link Backups} back into an empty data folder, before
 * anything opens the database (opening it would create an empty one in the way). Needs only where the config
 * keeps things. The database, its password file and the stored files are written 0600 in 0700 folders; the archive
 * is hostile until checked, and a refused one leaves nothing of itself behind.
 */
public final class Restore {
    private static final int MAX_PASSWORD_BYTES = 256;

    private final Storage storage;
    /** What this restore wrote, folders before their files: removed again if it fails half-way. */
    private final List<Path> written = new ArrayList<>();

    public Restore(Storage storage) {
        this.storage = storage;
    }

    /**
     * Restores an archive into an empty data folder: the database and its password where the config puts the
     * database, the files in its attachment and raw mail folders. Refuses to mix a backup into existing data, and
     * checks each file's hash.
     */
    public Report from(Path archive) {
        refuseExistingData();
        written.clear();
        try {
            return read(archive);
        } catch (ZipException e) {
            undo();
            throw new BackupException(archive + " is not a .tar.gz Guichet backup: " + e.getMessage(), e);
        } catch (IOException e) {
            undo();
            throw new BackupException("cannot restore " + archive + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            undo();
            throw e instanceof StoreException s ? new BackupException(s.getMessage(), s) : e;
        }
    }

    private Report read(Path archive) throws IOException {
        boolean withDatabase = false;
        long[] counts = new long[2];
        long bytes = 0;
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive)), 1 << 16)) {
            Tar.Reader tar = new Tar.Reader(in);
            boolean first = true;
            for (Tar.Entry entry = tar.next(); entry != null; entry = tar.next()) {
                if (first && !Backups.MANIFEST.equals(entry.name())) {
                    throw new BackupException(archive + " is not a Guichet backup (it does not start with "
                            + Backups.MANIFEST + ")");
                }
                first = false;
                bytes += entry.size();
                if (entry.name().equals(Backups.DATABASE)) {
                    withDatabase = true;
                    restoreDatabase(tar);
                } else if (entry.name().equals(Backups.PASSWORD)) {
                    restorePassword(tar, entry);
                } else if (!entry.name().equals(Backups.MANIFEST)) {
                    counts[restoreBlob(tar, entry)]++;
                }
            }
            if (first) {
                throw new BackupException(archive + " is an empty archive, not a Guichet backup");
            }
        }
        Optional<String> advice = withDatabase ? Optional.empty()
                : Optional.of("the archive holds no database (it was taken from PostgreSQL): restore it with pg_restore");
        return new Report(withDatabase, counts[0], counts[1], bytes, advice);
    }

    /** The H2 zip, unpacked through a temporary file in the database's own private folder. */
    private void restoreDatabase(Tar.Reader tar) throws IOException {
        Path target = DatabaseBackup.h2File(storage.databaseUrl()).orElseThrow(() -> new BackupException(
                "the archive holds an H2 database but " + storage.databaseUrl() + " is not an H2 file: restore it"
                        + " with a config whose database is an H2 file"));
        if (Files.exists(target)) {
            throw new BackupException("the archive holds the database twice");
        }
        Path dir = directory(target.toAbsolutePath().getParent());
        Path temp = Files.createTempFile(dir, ".guichet-restore-", ".zip", PrivateFiles.fileAttributes());
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                tar.copyTo(out);
            }
            try (InputStream zip = Files.newInputStream(temp)) {
                written.add(target);
                DatabaseBackup.restoreH2(zip, storage.databaseUrl());
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The database's generated password, 0600 beside it, so that the restored database opens. */
    private void restorePassword(Tar.Reader tar, Tar.Entry entry) throws IOException {
        Optional<Path> target = DatabaseBackup.passwordFile(storage.databaseUrl());
        if (!entry.regularFile() || entry.size() > MAX_PASSWORD_BYTES) {
            throw new BackupException("the archive's " + Backups.PASSWORD + " is not a database password; it was not"
                    + " written by guichet backup");
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        tar.copyTo(content);
        if (target.isEmpty()) {
            return; // not an H2 file: the password of the backed-up H2 database has nothing to open
        }
        if (Files.exists(target.get())) {
            throw new BackupException("the archive holds the database password twice");
        }
        directory(target.get().toAbsolutePath().getParent());
        written.add(target.get());
        DatabaseBackup.restorePassword(content.toByteArray(), storage.databaseUrl());
    }

    /** Writes one stored file where its store keeps it; returns 0 for an attachment, 1 for a raw mail. */
    private int restoreBlob(Tar.Reader tar, Tar.Entry entry) throws IOException {
        Matcher m = Backups.BLOB.matcher(entry.name());
        if (!entry.regularFile() || !m.matches()) {
            throw new BackupException("the archive holds an unexpected entry '" + printable(entry.name())
                    + "'; it was not written by guichet backup");
        }
        boolean attachment = m.group(1).equals("attachments");
        Path root = attachment ? storage.attachmentsDir() : storage.messagesDir();
        Path target = directory(root.resolve(m.group(2))).resolve(m.group(3));
        MessageDigest digest = sha256();
        try (OutputStream out = new DigestOutputStream(Channels.newOutputStream(Files.newByteChannel(target,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), PrivateFiles.fileAttributes())), digest)) {
            written.add(target);
            tar.copyTo(out);
        } catch (FileAlreadyExistsException e) {
            throw new BackupException("the archive holds " + entry.name() + " twice", e);
        }
        if (!HexFormat.of().formatHex(digest.digest()).equals(m.group(3))) {
            throw new BackupException("the archive is damaged: " + entry.name() + " does not match its hash");
        }
        return attachment ? 0 : 1;
    }

    /** Creates a folder and its missing parents 0700, remembering those it made. */
    private Path directory(Path dir) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path d = dir.toAbsolutePath(); d != null && !Files.exists(d); d = d.getParent()) {
            missing.add(0, d);
        }
        PrivateFiles.createDirectories(dir);
        written.addAll(missing);
        return dir;
    }

    /** Removes what a failed restore wrote, newest first, so that the folder is empty again for the next try. */
    private void undo() {
        for (int i = written.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(written.get(i));
            } catch (DirectoryNotEmptyException e) {
                // something else was put there meanwhile: leave it
            } catch (IOException e) {
                // best effort: the error that stopped the restore is the one to report
            }
        }
        written.clear();
    }

    private void refuseExistingData() {
        Optional<Path> dbFile = DatabaseBackup.h2File(storage.databaseUrl());
        if (dbFile.isPresent() && Files.exists(dbFile.get())) {
            throw new BackupException("the database " + dbFile.get() + " exists already: restore into an empty data"
                    + " folder (move the old one away first)");
        }
        Optional<Path> password = DatabaseBackup.passwordFile(storage.databaseUrl());
        if (password.isPresent() && Files.exists(password.get())) {
            throw new BackupException("the database password file " + password.get() + " exists already: restore"
                    + " into an empty data folder (move the old one away first)");
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
}
