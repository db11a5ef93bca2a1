package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.guichet.ticket.TicketFilter;
import org.guichet.ticket.TicketSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code guichet quarantine list|retry} and {@code guichet config check}, as an administrator runs them. */
class QuarantineAndCheckIT {
    private static final String SUPPORT = TestHelpdesk.SUPPORT;

    @TempDir
    Path dir;

    TestHelpdesk helpdesk;

    @AfterEach
    void stop() {
        if (helpdesk != null) {
            helpdesk.close();
        }
    }

    static Cli.Run guichet(Path config, String... args) {
        return Cli.with(config).run(args);
    }

    Path config(String name, String yaml) throws Exception {
        return Files.writeString(dir.resolve(name), yaml);
    }

    @Test
    void aQuarantinedMailIsListedWithItsReasonAndRetriedOnceTheCauseIsGone() throws Exception {
        String small = "limits:\n  max-message-bytes: 8KiB\n";
        helpdesk = TestHelpdesk.start(dir, yaml -> yaml + small);
        MailServer server = new MailServer(helpdesk.mail);
        // 10 KB of header fields: over the limit once downloaded, whatever size the server announced
        server.append(SUPPORT, "From: jane@example.org\r\nTo: " + SUPPORT + "\r\nSubject: Long route\r\n"
                + "Message-ID: <long-route@example.org>\r\n" + "Received: from relay.example.org by mx.example.org\r\n"
                .repeat(200) + "\r\nHello.\r\n");
        helpdesk.runOnce();
        assertThat(server.count(SUPPORT, "Quarantine")).isEqualTo(1);
        Path strict = config("strict.yml", helpdesk.yaml(false));

        Cli.Run list = guichet(strict, "quarantine", "list");
        assertThat(list.status()).isZero();
        assertThat(list.out()).contains("ID", "REASON", "<long-route@example.org>", "over the size limit");
        assertThat(guichet(strict, "quarantine").out()).isEqualTo(list.out());

        Cli.Run stillTooBig = guichet(strict, "quarantine", "retry", "1");
        assertThat(stillTooBig.status()).isEqualTo(1);
        assertThat(stillTooBig.err()).contains("still cannot be handled", "over the size limit");
        assertThat(guichet(strict, "quarantine", "list").out()).contains("<long-route@example.org>");

        Path relaxed = config("relaxed.yml", helpdesk.yaml(false).replace(small, "limits:\n  max-message-bytes: 1MiB\n"));
        Cli.Run retried = guichet(relaxed, "quarantine", "retry", "1");
        assertThat(retried.status()).as(retried.err()).isZero();
        assertThat(retried.out()).contains("handled", "moved from Quarantine to Processed");
        List<TicketSummary> tickets = helpdesk.guichet.tickets().inTransaction(tx -> tx.list(TicketFilter.all()));
        assertThat(tickets).hasSize(1);
        assertThat(guichet(relaxed, "quarantine", "list").out()).contains("No mail in quarantine.");
        assertThat(server.count(SUPPORT, "Quarantine")).isZero();
        assertThat(server.count(SUPPORT, "Processed")).isEqualTo(1);

        Cli.Run unknown = guichet(relaxed, "quarantine", "retry", "99");
        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.err()).contains("no mail #99 in quarantine");
    }

    @Test
    void configCheckLogsIntoImapAndSmtpAndReportsEachStepOnOneLine() throws Exception {
        helpdesk = TestHelpdesk.start(dir);
        Cli.Run good = guichet(config("good.yml", helpdesk.yaml(false)), "config", "check");
        assertThat(good.status()).as(good.out()).isZero();
        assertThat(good.out().lines()).hasSize(5).allSatisfy(line -> assertThat(line).containsPattern("^\\w+ +ok +"));
        assertThat(good.out()).contains("logged in as support@helpdesk.test", "INBOX holds 0 mail(s)",
                "connected to 127.0.0.1:" + helpdesk.smtpPort);

        Cli.Run typo = guichet(config("typo.yml", helpdesk.yaml(false).replace("  poll-interval:", "  poll-intervall:")),
                "config", "check");
        assertThat(typo.status()).isEqualTo(2);
        assertThat(typo.out().lines()).singleElement().asString().startsWith("config    FAILED").contains("line",
                "poll-intervall");

        Cli.Run secret = guichet(config("secret.yml", helpdesk.yaml(false).replace("password: any",
                "password: ${env:GUICHET_NO_SUCH_VARIABLE}")), "config", "check");
        assertThat(secret.status()).isEqualTo(2);
        assertThat(secret.out()).startsWith("config    FAILED").contains("GUICHET_NO_SUCH_VARIABLE");
    }

    @Test
    void configCheckFailsInTimeOnASilentServerAndOnAnUntrustedCertificate() throws Exception {
        helpdesk = TestHelpdesk.start(dir);
        try (SilentServer silent = new SilentServer()) {
            String yaml = helpdesk.yaml(false).replace("port: " + helpdesk.imapPort, "port: " + silent.port())
                    .replace("timeout: 10s", "timeout: 1s");
            long started = System.nanoTime();
            Cli.Run hung = guichet(config("silent.yml", yaml), "config", "check");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(hung.status()).isEqualTo(2);
            assertThat(hung.out()).contains("imap      FAILED", "timed out").contains("smtp      ok");
        }

        // IMAPS with GreenMail's self-signed certificate: TLS is on, so the certificate is checked and refused
        int imapsPort = TestHelpdesk.freePort();
        GreenMail imaps = new GreenMail(new ServerSetup(imapsPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAPS));
        imaps.start();
        try {
            String yaml = helpdesk.yaml(false).replace("port: " + helpdesk.imapPort + "\n  ssl: false",
                    "port: " + imapsPort + "\n  ssl: true");
            Cli.Run untrusted = guichet(config("imaps.yml", yaml), "config", "check");
            assertThat(untrusted.status()).isEqualTo(2);
            assertThat(untrusted.out()).contains("imap      FAILED", "IMAPS", "certificate is not trusted");
        } finally {
            imaps.stop();
        }
    }
}
