package org.guichet.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.guichet.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an H2 file database private. Its {@code AUTO_SERVER} port (how the CLI reads the database while the
 * daemon holds it) listens on the loopback only, its files sit in a 0700 directory as 0600 files, and it is opened
 * with a generated password kept beside it ({@code data/guichet.password}, 0600) rather than {@code sa} without
 * one. A database made before has an empty password: the first open moves it to the generated one.
 */
final class H2Access {
    static final String BIND_PROPERTY = "h2.bindAddress";
    static final String USER = "sa";
    private static final String LOOPBACK = "127.0.0.1";
    private static final int WRONG_USER_OR_PASSWORD = 28000;
    private static final Logger LOG = LoggerFactory.getLogger(H2Access.class);

    /** The user and password a database is opened with. */
    record Credentials(String user, String password) {
        @Override
        public String toString() {
            return "Credentials[user=" + user + "]";
        }
    }

    private H2Access() {
    }

    /**
     * Asks H2 to bind its servers to the loopback. H2 reads this system property once, when its first class loads,
     * so it must be set before: {@link Database} does it in its static initialiser. An explicit
     * {@code -Dh2.bindAddress} is kept, and refused later unless it is a loopback address.
     */
    static void bindServersToLoopback() {
        if (System.getProperty(BIND_PROPERTY) == null) {
            System.setProperty(BIND_PROPERTY, LOOPBACK);
        }
    }

    /** Refuses to open a database that would share itself on the network. */
    static void requireLoopback(String url) {
        if (!url.toUpperCase(Locale.ROOT).contains("AUTO_SERVER=TRUE")) {
            return;
        }
        String bound = org.h2.engine.SysProperties.BIND_ADDRESS;
        if (!isLoopback(bound)) {
            throw new StoreException("H2 would share the database on " + (bound == null ? "every interface" : bound)
                    + ": its AUTO_SERVER port must listen on the loopback only; start Guichet without -D"
                    + BIND_PROPERTY + ", or with -D" + BIND_PROPERTY + "=127.0.0.1");
        }
    }

    private static boolean isLoopback(String address) {
        try {
            return address != null && !address.isBlank() && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The path H2 adds {@code .mv.db} to, for a file database; nothing for memory, TCP or other databases. */
    static Optional<Path> databaseFile(String url) {
        if (!url.startsWith("jdbc:h2:") || url.startsWith("jdbc:h2:mem:") || url.startsWith("jdbc:h2:tcp:")
                || url.startsWith("jdbc:h2:ssl:")) {
            return Optional.empty();
        }
        String path = url.substring("jdbc:h2:".length());
        path = path.startsWith("file:") ? path.substring("file:".length()) : path;
        int semicolon = path.indexOf(';');
        path = semicolon < 0 ? path : path.substring(0, semicolon);
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return path.isBlank() ? Optional.empty() : Optional.of(Path.of(path));
    }

    /** Where the generated password of a file database is kept: beside it, named after it. */
    static Path passwordFile(Path database) {
        return database.resolveSibling(database.getFileName() + ".password");
    }

    /**
     * The credentials a database opens with, and the connection that checked them, if any: it holds the database
     * open until the pool has a connection of its own, so that H2 opens the file once, not twice (once for this
     * check, closing it with a compaction, and again for the pool: 0.3 s on a large file).
     */
    record Opened(Credentials credentials, Optional<Connection> checked) implements AutoCloseable {
        @Override
        public void close() {
            checked.ifPresent(c -> {
                try {
                    c.close();
                } catch (SQLException e) {
                    LOG.debug("closing the connection that checked the password: {}", e.getMessage());
                }
            });
        }
    }

    /**
     * Opens this database with its credentials: for a file database, {@code sa} and its generated password,
     * created (and the database moved to it) on first use; {@code sa} without password, and nothing opened yet,
     * for any other. The caller closes what it returns once the database is open elsewhere.
     */
    static Opened open(String url) {
        Optional<Path> database = databaseFile(url);
        if (database.isEmpty()) {
            return new Opened(new Credentials(USER, ""), Optional.empty());
        }
        try {
            Path dir = database.get().toAbsolutePath().getParent();
            PrivateFiles.createDirectories(dir);
            Credentials credentials = new Credentials(USER, password(passwordFile(database.get())));
            Connection checked = movePassword(url, credentials);
            try {
                restrictFiles(dir, database.get().getFileName().toString());
            } catch (IOException e) {
                new Opened(credentials, Optional.of(checked)).close();
                throw e;
            }
            return new Opened(credentials, Optional.of(checked));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the database " + database.get() + " private: " + e.getMessage(), e);
        }
    }

    private static String password(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            try {
                Files.createFile(file, PrivateFiles.fileAttributes());
                Files.writeString(file, HexFormat.of().formatHex(random) + "\n", StandardCharsets.US_ASCII);
            } catch (FileAlreadyExistsException raced) {
                // another process (the CLI beside the daemon) made it first: use theirs
            }
        }
        PrivateFiles.ownerOnly(file);
        String password = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (!isPassword(password)) {
            throw new StoreException("the database password file " + file + " is damaged; restore it from a backup");
        }
        return password;
    }

    /** Whether this is a password {@code password(file)} made: hex digits, safe inside an SQL literal. */
    static boolean isPassword(String password) {
        return password.matches("[0-9a-f]{16,128}");
    }

    /**
     * Opens the database once with the generated password; a database made before the password, whose {@code sa}
     * has an empty one, is moved to it. A new database is created with it. Returns the connection, still open.
     */
    private static Connection movePassword(String url, Credentials credentials) {
        try {
            return DriverManager.getConnection(url, credentials.user(), credentials.password());
        } catch (SQLException e) {
            if (e.getErrorCode() != WRONG_USER_OR_PASSWORD) {
                throw new StoreException("cannot open the database " + safe(url) + ": " + e.getMessage(), e);
            }
        }
        try (Connection c = DriverManager.getConnection(url, credentials.user(), "");
             Statement s = c.createStatement()) {
            // the password is hex digits only (checked when read): safe inside a literal
            s.execute("ALTER USER " + credentials.user() + " SET PASSWORD '" + credentials.password() + "'");
            LOG.info("database {} now opens with the generated password in its .password file", safe(url));
            return DriverManager.getConnection(url, credentials.user(), credentials.password());
        } catch (SQLException e) {
            throw new StoreException("the database " + safe(url) + " refuses the password in its .password file"
                    + " (and an empty one): restore that file from a backup", e);
        }
    }

    /** The database's own files (name.mv.db, name.lock.db, name.trace.db, name.password) made 0600. */
    private static void restrictFiles(Path dir, String name) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, name + ".*")) {
            for (Path file : files) {
                PrivateFiles.ownerOnly(file);
            }
        }
    }

    private static String safe(String url) {
        int semicolon = url.indexOf(';');
        return semicolon < 0 ? url : url.substring(0, semicolon);
    }
}
