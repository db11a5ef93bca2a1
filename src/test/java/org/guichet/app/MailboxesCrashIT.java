package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.guichet.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CrashIT across two mailboxes, in fewer rounds: the packaged daemon reads support@ and rh@ at once, with 500 requests
 * split between them and some sent to both, and is killed with SIGKILL at random moments and started again. In
 * the end each request made one ticket, answered once and from the right address, and nothing is left behind.
 */
class MailboxesCrashIT {
    private static final String SUPPORT = TestHelpdesk.SUPPORT;
    private static final String RH = MailboxesIT.RH;
    // enough work for the six rounds: each round handles at least one batch (50 mails) in each mailbox before its
    // kill, and with 200 requests the mailboxes were sometimes empty by the fourth round
    private static final int REQUESTS = 500;
    // every tenth request goes to both addresses: its two copies are one mail, and one ticket
    private static final int TO_BOTH_EVERY = 10;
    private static final int ROUNDS = 6;

    @TempDir
    Path dir;

    GreenMail greenMail;
    DaemonProcess daemon;

    @AfterEach
    void stop() throws Exception {
        if (daemon != null && daemon.isAlive()) {
            daemon.kill();
        }
        Path kept = Files.createDirectories(Path.of("target", "daemon-logs", "mailboxes-crash"));
        try (var logs = Files.list(dir)) {
            for (Path log : logs.filter(p -> p.getFileName().toString().endsWith(".log")).toList()) {
                Files.copy(log, kept.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    /** Where request {@code i} was sent: support@, rh@, or both. */
    static List<String> recipients(int i) {
        return i % TO_BOTH_EVERY == 0 ? List.of(SUPPORT, RH) : i % 2 == 0 ? List.of(SUPPORT) : List.of(RH);
    }

    static int expectedIn(String mailbox) {
        int count = 0;
        for (int i = 0; i < REQUESTS; i++) {
            count += recipients(i).contains(mailbox) ? 1 : 0;
        }
        return count;
    }

    private int processed(MailServer server) {
        return server.count(SUPPORT, "Processed") + server.count(RH, "Processed");
    }

    @Test
    void killedWhileReadingTwoMailboxesItHandlesEveryMailOnce() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int smtpPort = TestHelpdesk.freePort();
        int imapPort = TestHelpdesk.freePort();
        greenMail = TestHelpdesk.startGreenMail(smtpPort, imapPort);
        MailServer server = new MailServer(greenMail);
        for (int i = 0; i < REQUESTS; i++) {
            for (String to : recipients(i)) {
                server.append(to, "INBOX", request(i).getBytes(StandardCharsets.UTF_8));
            }
        }
        int total = expectedIn(SUPPORT) + expectedIn(RH);
        Path config = dir.resolve("guichet.yml");
        Files.writeString(config, MailboxesIT.twoMailboxes(MailboxesIT.RH_IMAP_SAME_SERVER)
                .apply(TestHelpdesk.yaml(false, smtpPort, imapPort, dir))
                + "limits:\n  notifications-per-recipient-per-hour: 100000\n");

        List<String> stops = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            daemon = DaemonProcess.start(config, dir.resolve("daemon-" + round + ".log"), "256m");
            if (round == 3) {
                CrashIT.pause(200 + random.nextInt(2000)); // killed while it starts
            } else {
                daemon.awaitWatching();
                int target = Math.min(total, processed(server) + 1 + random.nextInt(40));
                await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(90))
                        .until(() -> processed(server) >= target || !daemon.isAlive());
                CrashIT.pause(random.nextInt(400));
            }
            stops.add("round " + round + ": " + server.count(SUPPORT, "INBOX") + " in support's INBOX, "
                    + server.count(RH, "INBOX") + " in rh's");
            daemon.kill();
        }

        daemon = DaemonProcess.start(config, dir.resolve("daemon-last.log"), "256m").awaitWatching();
        await().dontCatchUncaughtExceptions().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    assertThat(server.count(SUPPORT, "Processed")).isEqualTo(expectedIn(SUPPORT));
                    assertThat(server.count(RH, "Processed")).isEqualTo(expectedIn(RH));
                    assertThat(acknowledged(server)).isEqualTo(REQUESTS);
                });
        assertThat(daemon.stop()).isIn(0, 143);
        String log = "seed " + seed + ", " + stops;
        System.out.println("MailboxesCrashIT: " + log);

        for (String mailbox : List.of(SUPPORT, RH)) {
            assertThat(server.count(mailbox, "INBOX")).as(log).isZero();
            assertThat(server.count(mailbox, "Quarantine")).as(log).isZero();
        }
        for (int i = 0; i < REQUESTS; i++) {
            // a resend after a kill between the server's acceptance and its record carries the same Message-ID
            assertThat(CrashIT.received(server, requester(i))).as("acknowledgements of request %d (%s)", i, log)
                    .hasSize(1);
            List<StoredMessage> acks = server.messages(requester(i), "INBOX");
            String from = acks.get(0).getMimeMessage().getFrom()[0].toString();
            if (recipients(i).size() == 1) {
                assertThat(from).as("request %d answered from the address it was sent to", i)
                        .endsWith("<" + recipients(i).get(0) + ">");
            }
        }
        try (Database database = org.guichet.testdb.TestDatabase.of(dir).open();
             Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThat(CrashIT.number(s, "SELECT COUNT(*) FROM ticket")).as(log).isEqualTo(REQUESTS);
            assertThat(CrashIT.number(s, "SELECT COUNT(*) FROM message")).as(log).isEqualTo(REQUESTS);
            assertThat(CrashIT.number(s, "SELECT COUNT(*) FROM inbound_mail WHERE status = 'handled'"))
                    .isEqualTo(REQUESTS);
            // a request sent to both is answered by the mailbox that read it first
            long toBoth = REQUESTS / TO_BOTH_EVERY;
            long rhOnly = expectedIn(RH) - toBoth;
            assertThat(CrashIT.number(s, "SELECT COUNT(*) FROM ticket WHERE mailbox = 'rh'"))
                    .isBetween(rhOnly, rhOnly + toBoth);
            assertThat(CrashIT.number(s, "SELECT COUNT(*) FROM ticket WHERE mailbox = 'support'"))
                    .isEqualTo(REQUESTS - CrashIT.number(s, "SELECT COUNT(*) FROM ticket WHERE mailbox = 'rh'"));
            assertThat(CrashIT.number(s, "SELECT COUNT(*) FROM outbox WHERE status <> 'sent'")).isZero();
            Set<String> queued = CrashIT.strings(s, "SELECT message_id FROM outbox");
            Set<String> delivered = new HashSet<>();
            for (int i = 0; i < REQUESTS; i++) {
                delivered.addAll(CrashIT.received(server, requester(i)));
            }
            delivered.addAll(CrashIT.received(server, "alice@helpdesk.test"));
            delivered.addAll(CrashIT.received(server, "bob@helpdesk.test"));
            assertThat(delivered).as("what was delivered is what was queued").isEqualTo(queued);
        }
        assertThat(stops.stream().filter(s -> !s.contains(": 0 in support's INBOX, 0 in rh's")))
                .as("kills in the middle of the work: %s", log).hasSizeGreaterThanOrEqualTo(4);
    }

    private int acknowledged(MailServer server) {
        int count = 0;
        for (int i = 0; i < REQUESTS; i++) {
            count += server.count(requester(i), "INBOX") > 0 ? 1 : 0;
        }
        return count;
    }

    private static String requester(int i) {
        return "req" + i + "@example.org";
    }

    private static String request(int i) {
        return "From: Requester " + i + " <" + requester(i) + ">\r\nTo: " + String.join(", ", recipients(i))
                + "\r\nSubject: Request " + i + "\r\nMessage-ID: <mreq-" + i + "@example.org>\r\n"
                + "Date: Sat, 28 Nov 2026 09:00:00 +0100\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\nPlease help with thing " + i + ".\r\n";
    }
}
