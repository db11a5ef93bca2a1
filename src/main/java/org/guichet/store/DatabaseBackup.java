package org.guichet.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.guichet.PrivateFiles;

/**
 * The database's part of {@code guichet backup} and {@code restore}. H2 copies itself online, consistently,
 * while the daemon writes ({@code BACKUP TO}); PostgreSQL has its own tools, which we name rather than imitate.
 */
public final class DatabaseBackup {
    private final Database database;

    public DatabaseBackup(Database database) {
        this.database = database;
    }

    /** Whether this program can copy the database itself: an H2 file database. */
    public boolean isH2File() {
        return h2File(database.url()).isPresent();
    }

    /** What to run instead when the database is not an H2 file (PostgreSQL). */
    public String dumpAdvice() {
        return "the database " + database.safeUrl() + " is not an H2 file: back it up with its own tool, e.g."
                + " pg_dump --format=custom --file=guichet.dump DBNAME (and pg_restore --dbname=DBNAME guichet.dump"
                + " to restore); this archive holds the stored files only";
    }

    /** A zip of the database as it is at one instant, taken while others keep writing. */
    public void backupTo(Path zip) {
        String literal = "'" + zip.toAbsolutePath().toString().replace("'", "''") + "'";
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            // BACKUP takes a file name literal, not a parameter; the path is our own temporary file
            s.execute("BACKUP TO " + literal);
        } catch (SQLException e) {
            throw new StoreException("cannot back up the database " + database.safeUrl() + ": " + e.getMessage(), e);
        }
    }

    /** Where the H2 file of this URL is: jdbc:h2:file:./data/guichet gives ./data/guichet.mv.db. */
    public static Optional<Path> h2File(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:") || lower.startsWith("jdbc:h2:mem:") || lower.startsWith("jdbc:h2:tcp:")
                || lower.startsWith("jdbc:h2:ssl:")) {
            return Optional.empty();
        }
        String path = url.substring("jdbc:h2:".length());
        path = path.regionMatches(true, 0, "file:", 0, 5) ? path.substring(5) : path;
        int semicolon = path.indexOf(';');
        path = semicolon < 0 ? path : path.substring(0, semicolon);
        if (path.startsWith("~/")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return Optional.of(Path.of(path + ".mv.db"));
    }

    /** The file holding the generated password of this database (data/guichet.password), if it is an H2 file. */
    public Optional<Path> passwordFile() {
        return passwordFile(database.url()).filter(Files::isRegularFile);
    }

    /** Where the generated password of the H2 file database of this URL is kept; nothing for other databases. */
    public static Optional<Path> passwordFile(String url) {
        return H2Access.databaseFile(url).map(H2Access::passwordFile);
    }

    /**
     * Puts the database file of an H2 backup zip where the URL wants it, under the URL's own name (the backup may
     * come from a config that named it differently), as a 0600 file; returns it. Refuses to replace an existing
     * database.
     */
    public static Path restoreH2(InputStream backupZip, String url) throws IOException {
        Path target = h2File(url).orElseThrow(() -> new StoreException("the database " + url
                + " is not an H2 file: restore the H2 backup into an H2 config first"));
        try (ZipInputStream zip = new ZipInputStream(backupZip)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().endsWith(".mv.db") && !e.getName().contains("/") && !e.getName().contains("\\")) {
                    writePrivate(target, zip);
                    return target;
                }
            }
        }
        throw new StoreException("the backup's database zip holds no H2 database file (.mv.db)");
    }

    /**
     * Writes the generated password a backup carries beside the restored database, 0600, so that it opens as it
     * did (see {@link H2Access}); returns the file, or nothing for a database that is not an H2 file. Refuses
     * content that is not such a password, and an existing file.
     */
    public static Optional<Path> restorePassword(byte[] content, String url) throws IOException {
        Optional<Path> target = passwordFile(url);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        String password = new String(content, StandardCharsets.US_ASCII).strip();
        if (content.length > 256 || !H2Access.isPassword(password)) {
            throw new StoreException("the backup's database password is damaged; it was not written by guichet backup");
        }
        writePrivate(target.get(), new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.US_ASCII)));
        return target;
    }

    /** A new file only its owner reads, in a folder that exists; an existing file is never replaced. */
    private static void writePrivate(Path target, InputStream content) throws IOException {
        try (OutputStream out = Channels.newOutputStream(Files.newByteChannel(target,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), PrivateFiles.fileAttributes()))) {
            content.transferTo(out);
        }
        PrivateFiles.ownerOnly(target);
    }
}
