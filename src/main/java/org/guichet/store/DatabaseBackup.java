package org.guichet.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

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

    /**
     * Puts the database file of an H2 backup zip where the URL wants it, under the URL's own name (the backup may
     * come from a config that named it differently). Refuses to replace an existing database.
     */
    public static void restoreH2(InputStream backupZip, String url) {
        Path target = h2File(url).orElseThrow(() -> new StoreException("the database " + url
                + " is not an H2 file: restore the H2 backup into an H2 config first"));
        try (ZipInputStream zip = new ZipInputStream(backupZip)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().endsWith(".mv.db") && !e.getName().contains("/") && !e.getName().contains("\\")) {
                    Files.createDirectories(target.toAbsolutePath().getParent());
                    try (OutputStream out = Files.newOutputStream(target, java.nio.file.StandardOpenOption.CREATE_NEW)) {
                        zip.transferTo(out);
                    }
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore the database to " + target + ": " + e.getMessage(), e);
        }
        throw new StoreException("the backup's database zip holds no H2 database file (.mv.db)");
    }
}
