package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.guichet.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC section 11, done for real: the packaged daemon, in its own process, against an IMAP server holding 500
 * mails (new requests, some without Message-ID, some with an attachment, and replies), killed with SIGKILL at
 * random moments (and twice stopped with SIGTERM in the middle of its work) and started again each time. In the
 * end every mail is handled exactly once and every
 * notification delivered. The mail server runs in this JVM, so it outlives every kill; its threads serving a
 * killed daemon fail with broken pipes, which is why the waits here ignore other threads' exceptions.
 */
class CrashIT {
    private static final String SUPPORT = TestHelpdesk.SUPPORT;
    static final int REQUESTS = 350;
    static final int REPLIES = 150;
    private static final int WITHOUT_MESSAGE_ID = 20;
    static final int TOTAL = REQUESTS + REPLIES;
    // 12 kills (2 of them while the daemon starts) and 2 stops by SIGTERM, which must leave nothing half-done
    private static final int ROUNDS = 14;

    @TempDir
    Path dir;

    GreenMail greenMail;
    DaemonProcess daemon;

    @AfterEach
    void stop() throws Exception {
        if (daemon != null && daemon.isAlive()) {
            daemon.kill();
        }
        // the daemons' logs outlive the temporary folder, for whoever has to find out what went wrong
        Path kept = Files.createDirectories(Path.of("target", "daemon-logs", "crash"));
        try (var logs = Files.list(dir)) {
            for (Path log : logs.filter(p -> p.getFileName().toString().endsWith(".log")).toList()) {
                Files.copy(log, kept.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    /** How a run of the daemon ended. */
    enum How {
        KILLED, KILLED_STARTING, SIGTERM
    }

    /** One end of the daemon: how it came, and what the mailbox looked like then. */
    record Stop(int round, How how, int inbox, int processed, int acknowledged) {
    }

    static void pause(long millis) {
        await().dontCatchUncaughtExceptions().pollDelay(Duration.ofMillis(millis))
                .atMost(Duration.ofMillis(millis + 1000)).until(() -> true);
    }

    @Test
    void killedAtRandomMomentsItStillHandlesEveryMailExactlyOnce() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int smtpPort = TestHelpdesk.freePort();
        int imapPort = TestHelpdesk.freePort();
        greenMail = TestHelpdesk.startGreenMail(smtpPort, imapPort);
        MailServer server = new MailServer(greenMail);
        for (String raw : mailbox(random)) {
            server.append(SUPPORT, "INBOX", raw.getBytes(StandardCharsets.UTF_8));
        }
        Path config = dir.resolve("guichet.yml");
        // alice is told of hundreds of tickets within minutes: this test is about crashes, not the hourly ceiling
        Files.writeString(config, TestHelpdesk.yaml(false, smtpPort, imapPort, dir)
                + "limits:\n  notifications-per-recipient-per-hour: 100000\n");
        long started = System.nanoTime();

        List<Stop> stops = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            daemon = DaemonProcess.start(config, dir.resolve("daemon-" + round + ".log"), "256m");
            How how = round % 5 == 0 ? How.KILLED_STARTING : round == 4 || round == 9 ? How.SIGTERM : How.KILLED;
            if (how == How.KILLED_STARTING) {
                pause(200 + random.nextInt(2000)); // migrations, connecting to the database and the mailbox
            } else {
                // a random number of mails into the work, then a random moment inside the next one
                daemon.awaitWatching();
                int target = Math.min(TOTAL, server.count(SUPPORT, "Processed") + 1 + random.nextInt(40));
                await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(90))
                        .until(() -> server.count(SUPPORT, "Processed") >= target || !daemon.isAlive());
                pause(random.nextInt(400));
            }
            stops.add(new Stop(round, how, server.count(SUPPORT, "INBOX"), server.count(SUPPORT, "Processed"),
                    acknowledgements(server).size()));
            if (how == How.SIGTERM) {
                assertThat(daemon.stop()).as("exit status on SIGTERM").isIn(0, 143);
            } else {
                daemon.kill();
            }
        }

        daemon = DaemonProcess.start(config, dir.resolve("daemon-last.log"), "256m").awaitWatching();
        await().dontCatchUncaughtExceptions().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(server.count(SUPPORT, "Processed")).isEqualTo(TOTAL);
            assertThat(acknowledgements(server).keySet()).hasSize(REQUESTS);
            // the agent's notices too, before the stop: one could still be queued behind the last acknowledgement
            assertThat(received(server, "alice@helpdesk.test")).hasSize(REQUESTS + REPLIES);
        });
        // 143 is how a JVM reports a SIGTERM that ran its shutdown hooks
        assertThat(daemon.stop()).isIn(0, 143);
        String log = "seed " + seed + ", " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s, "
                + stops.stream().filter(k -> k.how() != How.SIGTERM).count() + " kills, stops " + stops;
        System.out.println("CrashIT: " + log);

        assertThat(server.count(SUPPORT, "INBOX")).isZero();
        assertThat(server.count(SUPPORT, "Quarantine")).isZero();
        checkTheDatabase(server, log);
        List<Stop> kills = stops.stream().filter(k -> k.how() != How.SIGTERM).toList();
        assertThat(kills).as(log).hasSizeGreaterThanOrEqualTo(10);
        assertThat(kills.stream().filter(k -> k.inbox() > 0 && k.inbox() < TOTAL))
                .as("kills in the middle of the work: %s", log).hasSizeGreaterThanOrEqualTo(8);
    }

    private void checkTheDatabase(MailServer server, String log) throws Exception {
        try (Database database = new Database("jdbc:h2:file:" + dir.resolve("db").resolve("guichet"));
             Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThat(number(s, "SELECT COUNT(*) FROM ticket")).as(log).isEqualTo(REQUESTS);
            assertThat(number(s, "SELECT COUNT(*) FROM message")).as(log).isEqualTo(REQUESTS + REPLIES);
            assertThat(number(s, "SELECT COUNT(*) FROM inbound_mail WHERE status = 'handled'")).isEqualTo(REQUESTS + REPLIES);
            assertThat(number(s, "SELECT COUNT(*) FROM (SELECT message_id FROM message WHERE message_id IS NOT NULL"
                    + " GROUP BY message_id HAVING COUNT(*) > 1)")).as("Message-IDs recorded twice").isZero();
            assertThat(number(s, "SELECT COUNT(*) FROM message r JOIN message q ON q.message_id = REPLACE(r.message_id,"
                    + " 'rep-', 'req-') WHERE r.message_id LIKE 'rep-%' AND r.ticket_id = q.ticket_id"))
                    .as("replies threaded onto their request's ticket").isEqualTo(REPLIES);
            assertThat(number(s, "SELECT COUNT(*) FROM attachment")).isEqualTo(REQUESTS / 10);
            assertThat(number(s, "SELECT COUNT(*) FROM outbox WHERE status <> 'sent'")).as("notifications not sent")
                    .isZero();
            Set<String> queued = strings(s, "SELECT message_id FROM outbox");
            Set<String> delivered = new HashSet<>();
            acknowledgements(server).values().forEach(delivered::addAll);
            // the IT service's agent is told of each new ticket and of each requester's reply
            Set<String> toAgent = received(server, "alice@helpdesk.test");
            assertThat(toAgent).as("notices to the agent").hasSize(REQUESTS + REPLIES);
            delivered.addAll(toAgent);
            assertThat(delivered).as("what the requesters and the agent received is what was queued")
                    .isEqualTo(queued);
            assertThat(acknowledgements(server).values()).as("one acknowledgement per requester")
                    .allSatisfy(ids -> assertThat(ids).hasSize(1));
        }
    }

    /** The Message-IDs of the acknowledgements each requester received; a resend has the same Message-ID. */
    static Map<String, Set<String>> acknowledgements(MailServer server) throws Exception {
        Map<String, Set<String>> received = new HashMap<>();
        for (int i = 0; i < REQUESTS; i++) {
            String requester = "req" + i + "@example.org";
            Set<String> ids = received(server, requester);
            if (!ids.isEmpty()) {
                received.put(requester, ids);
            }
        }
        return received;
    }

    static Set<String> received(MailServer server, String address) throws Exception {
        Set<String> ids = new HashSet<>();
        for (StoredMessage m : server.messages(address, "INBOX")) {
            String id = m.getMimeMessage().getMessageID();
            ids.add(id.substring(1, id.length() - 1));
        }
        return ids;
    }

    /** The requests in order, each reply placed somewhere after the request it answers. */
    static List<String> mailbox(Random random) {
        List<String> mails = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            mails.add(request(i));
        }
        for (int j = 0; j < REPLIES; j++) {
            int answered = WITHOUT_MESSAGE_ID + j * 2;
            int position = mails.indexOf(request(answered)) + 1 + random.nextInt(40);
            mails.add(Math.min(position, mails.size()), reply(answered));
        }
        return mails;
    }

    private static String request(int i) {
        String id = i < WITHOUT_MESSAGE_ID ? "" : "Message-ID: <req-" + i + "@example.org>\r\n";
        String head = "From: Requester " + i + " <req" + i + "@example.org>\r\nTo: " + SUPPORT + "\r\nSubject: Request "
                + i + "\r\n" + id + "Date: Sat, 28 Nov 2026 09:00:00 +0100\r\nMIME-Version: 1.0\r\n";
        if (i % 10 != 5) {
            return head + "Content-Type: text/plain; charset=utf-8\r\n\r\nPlease help with thing " + i + ".\r\n";
        }
        return head + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n"
                + "See attached.\r\n--b\r\nContent-Type: text/plain; name=\"log-" + i + ".txt\"\r\n"
                + "Content-Disposition: attachment; filename=\"log-" + i + ".txt\"\r\n\r\nlog line " + i + "\r\n--b--\r\n";
    }

    private static String reply(int answered) {
        return "From: Requester " + answered + " <req" + answered + "@example.org>\r\nTo: " + SUPPORT
                + "\r\nSubject: Re: Request " + answered + "\r\nMessage-ID: <rep-" + answered + "@example.org>\r\n"
                + "In-Reply-To: <req-" + answered + "@example.org>\r\nDate: Sat, 28 Nov 2026 10:00:00 +0100\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\nAny news about thing " + answered + "?\r\n";
    }

    static long number(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Set<String> strings(Statement s, String sql) throws SQLException {
        Set<String> values = new HashSet<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
