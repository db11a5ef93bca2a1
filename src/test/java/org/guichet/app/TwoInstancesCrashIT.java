package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.guichet.store.Database;
import org.guichet.store.IntakeLease;
import org.guichet.store.Lease;
import org.guichet.store.Leases;
import org.guichet.testdb.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC section 11 with two instances: two packaged daemons, each its own process, on one PostgreSQL and one
 * mailbox of 500 mails (CrashIT's). The one reading the mailbox is killed with SIGKILL five times at random
 * moments, and started again each time; the other must take the mailbox over within imap.failover. In the end
 * every mail is handled once, ticket numbers have no gap, and each notification went out once (a resend keeps its
 * Message-ID). Runs in the PostgreSQL pass of the integration suite.
 */
@EnabledIfSystemProperty(named = "guichet.test.database", matches = "postgresql")
class TwoInstancesCrashIT {
    private static final String SUPPORT = TestHelpdesk.SUPPORT;
    private static final Duration FAILOVER = Duration.ofSeconds(6);
    private static final int KILLS = 5;

    @TempDir
    Path dir;

    GreenMail greenMail;
    final DaemonProcess[] daemons = new DaemonProcess[2];

    /** One kill of the reading instance: how much mail was left, and how long until the other read it. */
    record Takeover(int kill, int inbox, Duration after) {
    }

    @AfterEach
    void stop() throws Exception {
        for (DaemonProcess d : daemons) {
            if (d != null && d.isAlive()) {
                d.kill();
            }
        }
        Path kept = Files.createDirectories(Path.of("target", "daemon-logs", "two-instances"));
        try (var logs = Files.list(dir)) {
            for (Path log : logs.filter(p -> p.getFileName().toString().endsWith(".log")).toList()) {
                Files.copy(log, kept.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    @Test
    void theReaderKilledAgainAndAgainTheOtherTakesOverAndEveryMailIsHandledOnce() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int smtpPort = TestHelpdesk.freePort();
        int imapPort = TestHelpdesk.freePort();
        greenMail = TestHelpdesk.startGreenMail(smtpPort, imapPort);
        MailServer server = new MailServer(greenMail);
        for (String raw : CrashIT.mailbox(random)) {
            server.append(SUPPORT, "INBOX", raw.getBytes(StandardCharsets.UTF_8));
        }
        Path config = dir.resolve("guichet.yml");
        // alice is told of hundreds of tickets within minutes: this test is about crashes, not the hourly ceiling
        String yaml = TestHelpdesk.yaml(false, smtpPort, imapPort, dir)
                .replace("failover: 3s", "failover: " + FAILOVER.toSeconds() + "s")
                + "limits:\n  notifications-per-recipient-per-hour: 100000\n";
        assertThat(yaml).contains("jdbc:postgresql:").contains("failover: 6s");
        Files.writeString(config, yaml);
        daemons[0] = DaemonProcess.start(config, dir.resolve("a-0.log"), "256m", machine(0));
        daemons[1] = DaemonProcess.start(config, dir.resolve("b-0.log"), "256m", machine(1));

        List<Takeover> takeovers = new ArrayList<>();
        try (Database database = TestDatabase.of(dir).open()) {
            Leases leases = new Leases(database);
            for (int kill = 1; kill <= KILLS; kill++) {
                int reader = reader(leases);
                int target = Math.min(CrashIT.TOTAL, server.count(SUPPORT, "Processed") + 1 + random.nextInt(40));
                await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(90))
                        .until(() -> server.count(SUPPORT, "Processed") >= target);
                CrashIT.pause(random.nextInt(300));
                Instant killedAt = leases.now();
                int inbox = server.count(SUPPORT, "INBOX");
                daemons[reader].kill();
                Lease taken = takenOverBy(leases, daemons[1 - reader].pid());
                takeovers.add(new Takeover(kill, inbox, Duration.between(killedAt, taken.acquiredAt())));
                String name = (reader == 0 ? "a-" : "b-") + kill + ".log";
                daemons[reader] = DaemonProcess.start(config, dir.resolve(name), "256m", machine(reader));
            }
            await().dontCatchUncaughtExceptions().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        assertThat(server.count(SUPPORT, "Processed")).isEqualTo(CrashIT.TOTAL);
                        assertThat(CrashIT.acknowledgements(server).keySet()).hasSize(CrashIT.REQUESTS);
                    });
            for (DaemonProcess d : daemons) {
                assertThat(d.stop()).as("exit status on SIGTERM").isIn(0, 143);
            }
            String log = "seed " + seed + ", takeovers " + takeovers;
            System.out.println("TwoInstancesCrashIT: " + log);

            assertThat(server.count(SUPPORT, "INBOX")).as(log).isZero();
            assertThat(server.count(SUPPORT, "Quarantine")).as(log).isZero();
            assertThat(takeovers).as(log).hasSize(KILLS)
                    .allSatisfy(t -> assertThat(t.after()).as("takeover after kill %d", t.kill()).isLessThan(FAILOVER));
            assertThat(takeovers.stream().filter(t -> t.inbox() > 0 && t.inbox() < CrashIT.TOTAL))
                    .as("kills in the middle of the work: %s", log).hasSize(KILLS);
            checkTheDatabase(database, server, log);
        }
    }

    /** Which of the two daemons reads the mailbox now, once one does. */
    /**
     * Each daemon named as if on a machine of its own, as in production: a reader killed on one machine is replaced
     * once its lease runs out (on one machine, a process that is gone gives its lease at once).
     */
    private static Map<String, String> machine(int slot) {
        return Map.of("GUICHET_HOST", slot == 0 ? "machine-a" : "machine-b");
    }

    private int reader(Leases leases) {
        AtomicReference<Integer> reader = new AtomicReference<>();
        // the daemons may not have created the lease table yet: a failed look is a look too early
        await().dontCatchUncaughtExceptions().ignoreExceptions().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    Optional<Lease> lease = leases.find(IntakeLease.INTAKE);
                    for (int i = 0; i < 2; i++) {
                        if (lease.isPresent() && lease.get().holder().endsWith(":" + daemons[i].pid())) {
                            reader.set(i);
                        }
                    }
                    return reader.get() != null;
                });
        return reader.get();
    }

    private static Lease takenOverBy(Leases leases, long pid) {
        AtomicReference<Lease> taken = new AtomicReference<>();
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    leases.find(IntakeLease.INTAKE).filter(l -> l.holder().endsWith(":" + pid)).ifPresent(taken::set);
                    return taken.get() != null;
                });
        return taken.get();
    }

    private static void checkTheDatabase(Database database, MailServer server, String log) throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThat(CrashIT.number(s, "SELECT COUNT(*) FROM ticket")).as(log).isEqualTo(CrashIT.REQUESTS);
            assertThat(CrashIT.number(s, "SELECT MAX(id) - MIN(id) + 1 FROM ticket")).as("ticket numbers without gaps")
                    .isEqualTo(CrashIT.REQUESTS);
            assertThat(CrashIT.number(s, "SELECT COUNT(*) FROM message")).as(log).isEqualTo(CrashIT.TOTAL);
            assertThat(CrashIT.number(s, "SELECT COUNT(*) FROM inbound_mail WHERE status = 'handled'"))
                    .isEqualTo(CrashIT.TOTAL);
            assertThat(CrashIT.number(s, "SELECT COUNT(*) FROM (SELECT message_id FROM message WHERE message_id IS NOT"
                    + " NULL GROUP BY message_id HAVING COUNT(*) > 1) twice")).as("Message-IDs recorded twice").isZero();
            assertThat(CrashIT.number(s, "SELECT COUNT(*) FROM outbox WHERE status <> 'sent'")).as("notifications not sent")
                    .isZero();
            Set<String> queued = CrashIT.strings(s, "SELECT message_id FROM outbox");
            Set<String> delivered = new HashSet<>();
            CrashIT.acknowledgements(server).values().forEach(delivered::addAll);
            Set<String> toAgent = CrashIT.received(server, "alice@helpdesk.test");
            assertThat(toAgent).as("notices to the agent").hasSize(CrashIT.TOTAL);
            delivered.addAll(toAgent);
            assertThat(delivered).as("what the requesters and the agent received is what was queued").isEqualTo(queued);
            assertThat(CrashIT.acknowledgements(server).values()).as("one acknowledgement per requester")
                    .allSatisfy(ids -> assertThat(ids).hasSize(1));
        }
    }
}
