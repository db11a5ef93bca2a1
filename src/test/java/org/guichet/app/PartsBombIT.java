package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's parts bomb, fed to the packaged daemon in a 256 MiB heap: a multipart of empty sibling parts
 * ({@code --b} and two blank lines, repeated). The parser counts the parts while it scans, builds no more than its
 * bound of them, and the mail ends quarantined with that reason; the mail behind it is handled. GreenMail itself
 * builds every part of a mail it stores (and looks up a content handler for each), so this bomb is 400 KB, a hundred
 * thousand parts; the 50 MB one, twelve million parts, runs against the parser in {@code PartsBombTest}.
 */
class PartsBombIT {
    private static final String SUPPORT = TestHelpdesk.SUPPORT;
    static final int BOMB_BYTES = 400_000;

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
            daemon.keepLog("parts-bomb.log");
        }
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    @Test
    void aBombOfAHundredThousandPartsIsQuarantinedAndTheNextMailIsHandled() throws Exception {
        int smtpPort = TestHelpdesk.freePort();
        int imapPort = TestHelpdesk.freePort();
        greenMail = TestHelpdesk.startGreenMail(smtpPort, imapPort);
        MailServer server = new MailServer(greenMail);
        server.append(SUPPORT, "INBOX", bomb());
        server.append(SUPPORT, IntakeResilienceIT.request(1));
        Path config = dir.resolve("guichet.yml");
        Files.writeString(config, TestHelpdesk.yaml(false, smtpPort, imapPort, dir));

        daemon = DaemonProcess.start(config, dir.resolve("daemon.log"), "256m").awaitWatching();
        await().dontCatchUncaughtExceptions().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> server.count(SUPPORT, "Processed") + server.count(SUPPORT, "Quarantine") == 2
                        || !daemon.isAlive());

        assertThat(daemon.isAlive()).as("the daemon survived").isTrue();
        assertThat(daemon.output()).doesNotContain("OutOfMemoryError")
                // intake's one line per mail (UID, duration, reason)
                .containsPattern("mail UID 1 moved to Quarantine after \\d+ ms: the mail's MIME structure is past"
                        + " the parser's bounds: The mail has more than 500 MIME parts; the rest were left out\\.");
        assertThat(server.messages(SUPPORT, "Quarantine")).extracting(m -> m.getMimeMessage().getMessageID())
                .containsExactly("<bomb@example.net>");
        assertThat(server.messages(SUPPORT, "Processed")).extracting(m -> m.getMimeMessage().getMessageID())
                .containsExactly("<r-1@example.org>");
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(60))
                .until(() -> server.count("person1@example.org", "INBOX") == 1);
    }

    static byte[] bomb() {
        ByteArrayOutputStream mail = new ByteArrayOutputStream(BOMB_BYTES + 1000);
        mail.writeBytes(("From: bomber@example.net\r\nTo: " + SUPPORT + "\r\nSubject: parts\r\n"
                + "Message-ID: <bomb@example.net>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] part = "--b\n\n\n".getBytes(StandardCharsets.US_ASCII);
        while (mail.size() < BOMB_BYTES) {
            mail.writeBytes(part);
        }
        return mail.toByteArray();
    }
}
