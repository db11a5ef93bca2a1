package org.guichet.testdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests, started by the build itself from the server binaries on this machine
 * (Debian's {@code postgresql} package, which {@code .ci/run} installs), in a temporary folder, on a free port of
 * the loopback, with a password. PostgreSQL refuses to run as root: as root (CI), initdb and the server run as
 * Debian's {@code postgres} user through {@code runuser}. One server per test JVM, one database per test.
 */
public final class PostgresServer {
    public static final String USER = "guichet";
    public static final String PASSWORD = "test-password-0123";
    private static PostgresServer shared;

    private final Path dir;
    private final Path bin;
    private final int port;
    private final List<String> asUser;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(Path dir, Path bin, int port, List<String> asUser) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
        this.asUser = asUser;
    }

    /** The server of this JVM, started at first use and stopped when the JVM ends. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "postgres-stop"));
        }
        return shared;
    }

    private static PostgresServer start() {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException("the PostgreSQL tests need the server"
                + " binaries (initdb, pg_ctl): install Debian's postgresql package (apt-get install postgresql, as"
                + " .ci/run does) or set GUICHET_PG_BIN to the folder holding them"));
        try {
            Path dir = Files.createTempDirectory("guichet-pg-");
            boolean root = "root".equals(System.getProperty("user.name"));
            List<String> asUser = root ? List.of("runuser", "-u", "postgres", "--") : List.of();
            if (root) {
                run(List.of("chown", "postgres:", dir.toString()), dir);
            }
            Path pwfile = dir.resolve("pwfile");
            Files.writeString(pwfile, PASSWORD + "\n", StandardCharsets.UTF_8);
            if (root) {
                run(List.of("chown", "postgres:", pwfile.toString()), dir);
            }
            PostgresServer server = new PostgresServer(dir, bin, freePort(), asUser);
            server.initAndStart(pwfile);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void initAndStart(Path pwfile) {
        Path data = dir.resolve("data");
        run(command(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--pwfile=" + pwfile,
                "--auth=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync"), dir);
        // fsync off: the tests kill Guichet, never the database, and must not wait for the disk
        String options = "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
        run(command(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-o", options, "-l",
                dir.resolve("server.log").toString(), "-w", "-t", "60", "start"), dir);
    }

    private List<String> command(String... args) {
        List<String> command = new ArrayList<>(asUser);
        command.addAll(Arrays.asList(args));
        return command;
    }

    /** A new, empty database on this server; returns its JDBC URL. */
    public String createDatabase(String prefix) {
        String name = prefix.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "_") + "_"
                + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + name + ": " + e.getMessage(), e);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /**
     * Runs in a shutdown hook, which the test JVM gives 30 s at most before it kills itself: the server is stopped
     * without waiting for clients (immediate), for 10 s at most, and its folder (a gigabyte after a full pass, one
     * database per test) is removed by a process of its own that outlives the JVM if need be.
     */
    private void stop() {
        try {
            run(command(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                    "-w", "-t", "10", "stop"), dir, 15);
        } catch (RuntimeException e) {
            System.err.println("PostgresServer: " + e.getMessage());
        } finally {
            removeLater(dir);
        }
    }

    private static void removeLater(Path dir) {
        try {
            new ProcessBuilder("rm", "-rf", dir.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            deleteQuietly(dir);
        }
    }

    /** The newest server installed by Debian's packages, or the folder named by GUICHET_PG_BIN. */
    static Optional<Path> binaries() {
        String configured = System.getenv("GUICHET_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(debian)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(debian)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparingInt(PostgresServer::major));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int major(Path bin) {
        String version = bin.getParent().getFileName().toString();
        return version.matches("\\d+") ? Integer.parseInt(version) : 0;
    }

    private static void run(List<String> command, Path dir) {
        run(command, dir, 120);
    }

    private static void run(List<String> command, Path dir, long timeoutSeconds) {
        try {
            Path log = dir.resolve("command.log");
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed: "
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + command, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is no failure of the tests
        }
    }
}
