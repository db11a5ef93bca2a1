package org.guichet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database is private: its port on the loopback only, a generated password, 0700/0600 files (issue 12). */
class PrivateDatabaseIT {
    @TempDir
    Path dir;

    @Test
    void theAutoServerPortListensOnTheLoopbackOnlyAndDataIsOwnerOnly() throws Exception {
        Path data = dir.resolve("data");
        try (Database db = new Database("jdbc:h2:file:" + data.resolve("guichet"))) {
            db.migrate();
            db.inTransaction(c -> 1);

            Properties lock = new Properties();
            try (Reader in = Files.newBufferedReader(data.resolve("guichet.lock.db"))) {
                lock.load(in);
            }
            String server = lock.getProperty("server");
            String host = server.substring(0, server.lastIndexOf(':'));
            int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
            assertThat(InetAddress.getByName(host).isLoopbackAddress()).as(host).isTrue();
            Path procTcp = Path.of("/proc/net/tcp");
            if (Files.isReadable(procTcp)) {
                List<String> bound = new java.util.ArrayList<>(listening(procTcp, port));
                bound.addAll(listening(Path.of("/proc/net/tcp6"), port));
                // 127.0.0.1, as IPv4 or as Java's dual-stack ::ffff:127.0.0.1; never 0.0.0.0 nor ::
                assertThat(bound).as("the kernel's listening sockets on port " + port).isNotEmpty()
                        .allSatisfy(a -> assertThat(a).isIn("0100007F", "0000000000000000FFFF00000100007F"));
            }
            try (Socket loopback = new Socket()) {
                loopback.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            }
            Optional<InetAddress> outside = nonLoopbackAddress();
            if (outside.isPresent()) {
                assertThatThrownBy(() -> {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress(outside.get(), port), 5_000);
                    }
                }).as("nothing listens on " + outside.get()).isInstanceOf(ConnectException.class);
            }

            assertThat(mode(data)).isEqualTo("rwx------");
            assertThat(mode(data.resolve("guichet.mv.db"))).isEqualTo("rw-------");
            assertThat(mode(data.resolve("guichet.password"))).isEqualTo("rw-------");
        }
    }

    @Test
    void theDatabaseOpensWithItsGeneratedPasswordAndNotWithoutIt() throws Exception {
        Path data = dir.resolve("data");
        String url = "jdbc:h2:file:" + data.resolve("guichet");
        try (Database db = new Database(url)) {
            db.migrate();
        }
        String password = Files.readString(data.resolve("guichet.password")).strip();

        assertThat(password).matches("[0-9a-f]{48}");
        assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close())
                .hasMessageContaining("Wrong user name or password");
        DriverManager.getConnection(url, "sa", password).close();
    }

    @Test
    void aDatabaseMadeWithoutPasswordMovesToAGeneratedOneAndKeepsItsData() throws Exception {
        Path data = dir.resolve("old");
        Files.createDirectories(data);
        String url = "jdbc:h2:file:" + data.resolve("guichet");
        try (var c = DriverManager.getConnection(url, "sa", ""); var s = c.createStatement()) {
            s.execute("CREATE TABLE kept (v INT)");
            s.execute("INSERT INTO kept VALUES (42)");
        }

        try (Database db = new Database(url)) {
            int kept = db.inTransaction(c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery("SELECT v FROM kept")) {
                    rs.next();
                    return rs.getInt(1);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(kept).isEqualTo(42);
        }
        assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close())
                .hasMessageContaining("Wrong user name or password");
        assertThat(mode(data)).isEqualTo("rwx------");
    }

    @Test
    void theAttachmentStoreIsOwnerOnly() throws Exception {
        BlobStore blobs = new BlobStore(dir.resolve("data").resolve("attachments"));
        var part = blobs.store(new java.io.ByteArrayInputStream("secret payslip".getBytes()));

        assertThat(mode(dir.resolve("data"))).isEqualTo("rwx------");
        assertThat(mode(blobs.root())).isEqualTo("rwx------");
        try (var files = Files.walk(blobs.root())) {
            List<Path> all = files.toList();
            assertThat(all).anySatisfy(p -> assertThat(p.toString()).contains(part.sha256()));
            assertThat(all).allSatisfy(p -> assertThat(mode(p)).isIn("rwx------", "rw-------"));
        }
    }

    /** The local addresses (kernel hex) of the sockets listening on this port, from /proc/net/tcp or tcp6. */
    private static List<String> listening(Path table, int port) throws IOException {
        if (!Files.isReadable(table)) {
            return List.of();
        }
        String hexPort = String.format("%04X", port);
        return Files.readAllLines(table).stream().skip(1).map(String::strip).map(l -> l.split("\\s+"))
                .filter(f -> f[3].equals("0A") && f[1].endsWith(":" + hexPort))
                .map(f -> f[1].substring(0, f[1].indexOf(':'))).toList();
    }

    private static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        return NetworkInterface.networkInterfaces().filter(i -> {
            try {
                return i.isUp() && !i.isLoopback();
            } catch (IOException e) {
                return false;
            }
        }).flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address).findFirst();
    }
}
