package org.guichet.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.guichet.app.Main;
import org.guichet.config.ConfigLoader;
import org.guichet.config.GuichetConfig;
import org.guichet.store.Database;
import org.guichet.store.Leases;

/**
 * Start time as an operator sees it after a restart: one mail waiting, then {@code guichet run} in a fresh JVM on
 * the bench's already migrated database; timed from launching {@code java} to the mail gone from INBOX (handled
 * and moved) and to its acknowledgement in the sender's INBOX. The JVM's own start is included.
 */
final class BenchStart {
    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(60);
    private final BenchServer server;
    private final Path configFile;
    private final PrintWriter log;
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    /** Each list holds one figure per start, in milliseconds, in the order of the starts. */
    record Result(List<Long> toHandledMillis, List<Long> toAcknowledgedMillis) {
        long medianHandled() {
            return median(toHandledMillis);
        }

        long medianAcknowledged() {
            return median(toAcknowledgedMillis);
        }

        private static long median(List<Long> values) {
            List<Long> sorted = new ArrayList<>(values);
            sorted.sort(null);
            return BenchAcks.percentile(sorted, 0.5);
        }
    }

    BenchStart(BenchServer server, Path configFile, PrintWriter log) {
        this.server = server;
        this.configFile = configFile;
        this.log = log;
    }

    Result measure(int starts) throws Exception {
        List<Long> handled = new ArrayList<>();
        List<Long> acknowledged = new ArrayList<>();
        for (int i = 1; i <= starts; i++) {
            long[] figures = once(i);
            handled.add(figures[0]);
            acknowledged.add(figures[1]);
            log.printf("(e) start %d: mail handled %d ms, acknowledged %d ms after launching java%n", i, figures[0],
                    figures[1]);
        }
        return new Result(handled, acknowledged);
    }

    private long[] once(int i) throws Exception {
        Endpoints servers = server.endpoints();
        String from = "start" + i + "@example.org";
        server.put(List.of(BenchDrain.message(jakarta.mail.Session.getInstance(new Properties()), "From: " + from
                + "\r\nTo: " + Bench.SUPPORT + "\r\nSubject: Badge refused " + i + "\r\nMessage-ID: <start-" + i + "-"
                + run + "@example.org>\r\n\r\nMy badge is refused at the door.\r\n")));
        try (MailboxProbe support = MailboxProbe.support(servers);
                MailboxProbe requester = MailboxProbe.requester(servers, from)) {
            int before = requester.inbox();
            freeMailbox();
            long launched = System.nanoTime();
            Process daemon = launch();
            try {
                long handled = -1;
                while (System.nanoTime() - launched < GIVE_UP_NANOS) {
                    long now = System.nanoTime();
                    if (handled < 0 && support.inbox() == 0) {
                        handled = (now - launched) / 1_000_000;
                    }
                    if (requester.inbox() > before) {
                        return new long[] {handled < 0 ? (now - launched) / 1_000_000 : handled,
                            (now - launched) / 1_000_000};
                    }
                    if (!daemon.isAlive()) {
                        throw new IllegalStateException("guichet run exited with " + daemon.exitValue()
                                + " before acknowledging; see " + logFile());
                    }
                    Thread.sleep(5);
                }
                throw new IllegalStateException("no acknowledgement within 60 s of starting guichet run; see "
                        + logFile());
            } finally {
                stop(daemon);
            }
        }
    }

    /**
     * A daemon stopped with SIGTERM leaves its intake lease to expire (H2's own shutdown hook closes the database
     * before the daemon's hook can release it), and the next start waits for it, about 20 s: each start here is
     * timed on a free mailbox, that wait apart.
     */
    private void freeMailbox() {
        GuichetConfig config = new ConfigLoader().load(configFile);
        try (Database database = new Database(config.storage().databaseUrl(), config.storage().databaseUser(),
                config.storage().databasePassword())) {
            Leases leases = new Leases(database);
            leases.all().forEach(lease -> leases.release(lease.holder(), lease.name()));
        }
    }

    private Process launch() throws java.io.IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--config", configFile.toString(), "run")).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile())).start();
    }

    private Path logFile() {
        return configFile.resolveSibling("daemon.log");
    }

    /** SIGTERM, as systemd stops it: the daemon finishes the mail in hand and closes its database. */
    private static void stop(Process daemon) throws InterruptedException {
        daemon.destroy();
        if (!daemon.waitFor(30, TimeUnit.SECONDS)) {
            daemon.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
