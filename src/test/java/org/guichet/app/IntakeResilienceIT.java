package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.imap.ImapServer;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.guichet.ticket.TicketFilter;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the mailbox and its server may do to intake (renumber, be read by a person, go away) and how it copes. */
class IntakeResilienceIT {
    private static final String SUPPORT = TestHelpdesk.SUPPORT;

    @TempDir
    Path dir;

    TestHelpdesk helpdesk;
    ImapServer restartedImap;

    @AfterEach
    void stop() {
        if (restartedImap != null) {
            restartedImap.stopService();
        }
        if (helpdesk != null) {
            helpdesk.close();
        }
    }

    static String request(int i) {
        return GatewayIT.request("person" + i + "@example.org", "Request " + i, "r-" + i + "@example.org");
    }

    int tickets() {
        return helpdesk.guichet.tickets().inTransaction(tx -> tx.list(TicketFilter.all())).size();
    }

    @Test
    void aNewUidValidityWithTheSameMailsAppendedAgainRepeatsNothingAndIsLoggedOnce() throws Exception {
        // a folder other than INBOX, since a server never lets INBOX be deleted and created again
        helpdesk = TestHelpdesk.start(dir, yaml -> yaml.replace("  password: any\n", "  password: any\n  folder: Support\n"));
        MailServer server = new MailServer(helpdesk.mail);
        for (int i = 0; i < 3; i++) {
            server.append(SUPPORT, "Support", request(i).getBytes(StandardCharsets.UTF_8));
        }
        helpdesk.runOnce();
        assertThat(tickets()).isEqualTo(3);
        List<byte[]> handled = rawOf(server.messages(SUPPORT, "Processed"));

        // the server renumbers the folder, as after a restore from backup, and the same mails come back, read
        long oldValidity = server.folder(SUPPORT, "Support", false).getUidValidity();
        // (renamed away rather than deleted: GreenMail fails to delete a folder a closed session had open)
        var manager = helpdesk.mail.getManagers().getImapHostManager();
        manager.renameMailbox(server.user(SUPPORT), "Support", "Support-before-restore");
        // GreenMail takes UIDVALIDITY from the clock, in seconds: let the second turn
        await().pollDelay(Duration.ofMillis(1100)).atMost(Duration.ofSeconds(5)).until(() -> true);
        MailFolder renewed = manager.createMailbox(server.user(SUPPORT), "Support");
        assertThat(renewed.getUidValidity()).isNotEqualTo(oldValidity);
        for (byte[] raw : handled) {
            server.append(SUPPORT, "Support", raw);
        }
        renewed.setFlags(new Flags(Flags.Flag.SEEN), true, renewed.getMessageUids()[0], null, false);

        try (LogCapture log = new LogCapture("org.guichet.intake.UidValidityWatch")) {
            helpdesk.runOnce();
            helpdesk.runOnce();
            assertThat(log.count("UIDVALIDITY of Support changed")).isEqualTo(1);
        }
        assertThat(tickets()).isEqualTo(3);
        assertThat(server.count(SUPPORT, "Support")).isZero();
        assertThat(server.count(SUPPORT, "Processed")).isEqualTo(6);
        for (int i = 0; i < 3; i++) {
            assertThat(server.count("person" + i + "@example.org", "INBOX")).as("acknowledgements").isEqualTo(1);
        }
    }

    @Test
    void theImapServerStoppedAndStartedAgainMidRunLosesNothing() throws Exception {
        helpdesk = TestHelpdesk.start(dir);
        MailServer server = new MailServer(helpdesk.mail);
        for (int i = 0; i < 60; i++) {
            appendMaybeSeen(server, i);
        }
        try (LogCapture log = new LogCapture("org.guichet.intake.MailboxWatcher");
             RunningIntake intake = new RunningIntake(helpdesk.guichet)) {
            await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(60)).until(() -> server.count(SUPPORT, "Processed") >= 10);
            helpdesk.mail.getImap().stopService();
            for (int i = 60; i < 100; i++) {
                appendMaybeSeen(server, i);
            }
            await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(30)).until(() -> log.count("mailbox unavailable") >= 1);

            ServerSetup setup = new ServerSetup(helpdesk.imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
            restartedImap = new ImapServer(setup, helpdesk.mail.getManagers());
            restartedImap.startService();

            await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(90)).until(() -> server.count(SUPPORT, "Processed") == 100);
            assertThat(log.count("watching")).as("connected again").isGreaterThanOrEqualTo(2);
        }
        assertThat(tickets()).isEqualTo(100);
        assertThat(server.count(SUPPORT, "INBOX")).isZero();
    }

    @Test
    void withTheDatabaseGoneIntakePausesMovesNothingAndResumesByItself() throws Exception {
        int dbPort = TestHelpdesk.freePort();
        String[] serverArgs = {"-tcpPort", Integer.toString(dbPort), "-baseDir", dir.toString(), "-ifNotExists"};
        Server database = Server.createTcpServer(serverArgs).start();
        try {
            helpdesk = TestHelpdesk.start(dir, yaml -> yaml.replaceAll("database-url: .*",
                    "database-url: jdbc:h2:tcp://127.0.0.1:" + dbPort + "/guichet"));
            MailServer server = new MailServer(helpdesk.mail);
            try (LogCapture log = new LogCapture("org.guichet.intake.ImapIntake");
                 RunningIntake intake = new RunningIntake(helpdesk.guichet)) {
                for (int i = 0; i < 5; i++) {
                    server.append(SUPPORT, request(i));
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> server.count(SUPPORT, "Processed") == 5);

                database.stop();
                for (int i = 5; i < 15; i++) {
                    server.append(SUPPORT, request(i));
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> log.count("intake paused") >= 1);
                await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                        .until(() -> server.count(SUPPORT, "INBOX") == 10 && server.count(SUPPORT, "Processed") == 5);

                database = Server.createTcpServer(serverArgs).start();
                await().atMost(Duration.ofSeconds(90)).until(() -> server.count(SUPPORT, "Processed") == 15);
            }
            assertThat(tickets()).isEqualTo(15);
            await().atMost(Duration.ofSeconds(30)).until(() -> server.count("person14@example.org", "INBOX") == 1);
        } finally {
            helpdesk.close();
            helpdesk = null;
            database.stop();
        }
    }

    /** Every other mail is already read: a person opened the mailbox in a mail client. */
    private static void appendMaybeSeen(MailServer server, int i) throws Exception {
        server.append(SUPPORT, "INBOX", request(i).getBytes(StandardCharsets.UTF_8));
        if (i % 2 == 0) {
            MailFolder inbox = server.folder(SUPPORT, "INBOX", false);
            long uid = inbox.getMessageUids()[inbox.getMessageCount() - 1];
            inbox.setFlags(new Flags(Flags.Flag.SEEN), true, uid, null, false);
        }
    }

    private static List<byte[]> rawOf(List<StoredMessage> messages) throws Exception {
        List<byte[]> raws = new ArrayList<>();
        for (StoredMessage m : messages) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.getMimeMessage().writeTo(out);
            raws.add(out.toByteArray());
        }
        return raws;
    }
}
