package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code guichet backup} in a second process while the packaged daemon holds the database, as an administrator's
 * cron job runs it: through H2's loopback port and the generated password; the archive restores elsewhere.
 */
class BackupBesideDaemonIT {
    @TempDir
    Path dir;

    GreenMail mail;
    DaemonProcess daemon;

    record Run(int status, String out, String err) {
    }

    static Run guichet(Path config, String... args) {
        List<String> all = new ArrayList<>(List.of("--config", config.toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true),
                Guichet::open);
        return new Run(status, out.toString(), err.toString());
    }

    static int tickets(Path config) throws Exception {
        Run run = guichet(config, "tickets", "--format", "json");
        assertThat(run.status()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out()).size();
    }

    @AfterEach
    void stop() throws Exception {
        if (daemon != null && daemon.isAlive()) {
            daemon.stop();
        }
        if (daemon != null) {
            daemon.keepLog("BackupBesideDaemonIT.log");
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void aBackupTakenBesideTheRunningDaemonRestoresItsTickets() throws Exception {
        int smtpPort = TestHelpdesk.freePort();
        int imapPort = TestHelpdesk.freePort();
        mail = TestHelpdesk.startGreenMail(smtpPort, imapPort);
        Path live = Files.createDirectories(dir.resolve("live"));
        Path config = live.resolve("guichet.yml");
        Files.writeString(config, TestHelpdesk.yaml(false, smtpPort, imapPort, live));
        daemon = DaemonProcess.start(config, dir.resolve("daemon.log"), "256m").awaitWatching();
        TestHelpdesk.sendVia(smtpPort, OperationsIT.mail("jane@example.org", "Printer", "p-1@example.org", "",
                "The printer is jammed."));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> tickets(config) == 1);
        Path archive = dir.resolve("guichet-backup.tar.gz");

        Run backup = guichet(config, "backup", archive.toString());

        assertThat(backup.status()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("the database", "1 raw mail(s)");
        assertThat(daemon.isAlive()).isTrue();
        daemon.stop();
        Path restored = Files.createDirectories(dir.resolve("restored"));
        Path restoredConfig = restored.resolve("guichet.yml");
        Files.writeString(restoredConfig, TestHelpdesk.yaml(false, smtpPort, imapPort, restored));
        Run restore = guichet(restoredConfig, "restore", archive.toString());
        assertThat(restore.status()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("1 ticket(s)");
        assertThat(guichet(restoredConfig, "show", "1").out()).contains("Printer", "The printer is jammed.");
    }
}
