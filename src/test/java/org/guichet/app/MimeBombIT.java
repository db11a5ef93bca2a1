package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mails built to exhaust a reader, fed to the packaged daemon running in a 256 MiB heap: 10,000 nested parts,
 * 100,000 header fields, one line of 50 MB. Each is handled or quarantined, and the daemon carries on.
 */
class MimeBombIT {
    private static final String SUPPORT = TestHelpdesk.SUPPORT;

    @TempDir
    Path dir;

    GreenMail greenMail;
    DaemonProcess daemon;

    @AfterEach
    void stop() throws InterruptedException {
        if (daemon != null && daemon.isAlive()) {
            daemon.kill();
        }
        if (daemon != null) {
            daemon.keepLog("mime-bomb.log");
        }
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    @Test
    void bombsAreHandledOrQuarantinedInABoundedHeapAndTheDaemonCarriesOn() throws Exception {
        int smtpPort = TestHelpdesk.freePort();
        int imapPort = TestHelpdesk.freePort();
        greenMail = TestHelpdesk.startGreenMail(smtpPort, imapPort);
        MailServer server = new MailServer(greenMail);
        // GreenMail parses this mail's MIME tree recursively in this JVM: failsafe gives its threads a 16 MB stack
        server.append(SUPPORT, "INBOX", nested(10_000));
        server.append(SUPPORT, "INBOX", manyHeaders(100_000));
        server.append(SUPPORT, "INBOX", oneLongLine(50_000_000));
        server.append(SUPPORT, IntakeResilienceIT.request(1));
        Path config = dir.resolve("guichet.yml");
        Files.writeString(config, TestHelpdesk.yaml(false, smtpPort, imapPort, dir));

        daemon = DaemonProcess.start(config, dir.resolve("daemon.log"), "256m").awaitWatching();
        await().dontCatchUncaughtExceptions().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> server.count(SUPPORT, "Processed") + server.count(SUPPORT, "Quarantine") == 4
                        || !daemon.isAlive());

        assertThat(daemon.isAlive()).as("the daemon survived: %s", tail(daemon.output())).isTrue();
        assertThat(daemon.output()).doesNotContain("OutOfMemoryError", "StackOverflowError");
        assertThat(server.count(SUPPORT, "INBOX")).isZero();
        assertThat(server.messages(SUPPORT, "Processed")).extracting(m -> m.getMimeMessage().getMessageID())
                .contains("<r-1@example.org>");
        // the daemon carries on: a mail sent now is handled and acknowledged
        server.append(SUPPORT, IntakeResilienceIT.request(2));
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(60))
                .until(() -> server.count("person2@example.org", "INBOX") == 1);
        assertThat(server.count("person1@example.org", "INBOX")).isEqualTo(1);
        System.out.println("MimeBombIT: processed " + server.count(SUPPORT, "Processed") + ", quarantined "
                + server.count(SUPPORT, "Quarantine"));
    }

    private static byte[] nested(int depth) {
        StringBuilder mail = new StringBuilder(head("nested") + "Content-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n");
        for (int i = 0; i < depth; i++) {
            mail.append("--b").append(i).append("\r\nContent-Type: multipart/mixed; boundary=\"b").append(i + 1)
                    .append("\"\r\n\r\n");
        }
        mail.append("--b").append(depth).append("\r\nContent-Type: text/plain\r\n\r\nAt the bottom.\r\n");
        for (int i = depth; i >= 0; i--) {
            mail.append("--b").append(i).append("--\r\n");
        }
        return mail.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] manyHeaders(int count) {
        StringBuilder mail = new StringBuilder(head("headers"));
        for (int i = 0; i < count; i++) {
            mail.append("X-Filler-").append(i).append(": value ").append(i).append("\r\n");
        }
        return mail.append("Content-Type: text/plain\r\n\r\nA short body.\r\n").toString()
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] oneLongLine(int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 1000);
        out.writeBytes((head("line") + "Content-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] line = new byte[length];
        Arrays.fill(line, (byte) 'a');
        out.writeBytes(line);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static String head(String name) {
        return "From: bomber@example.net\r\nTo: " + SUPPORT + "\r\nSubject: " + name + "\r\nMessage-ID: <" + name
                + "@example.net>\r\nMIME-Version: 1.0\r\n";
    }

    private static String tail(String log) {
        return log.length() < 4000 ? log : log.substring(log.length() - 4000);
    }
}
