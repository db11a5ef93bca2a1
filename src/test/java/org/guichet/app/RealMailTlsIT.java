package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS against a real Dovecot: {@code config check} tells the TLS version and the certificate; a certificate from an
 * authority not trusted, or one that does not name the host, is refused with one clear line.
 */
class RealMailTlsIT {
    @RegisterExtension
    static final RealMailServers servers = new RealMailServers();

    @TempDir
    Path dir;

    record Run(int status, String out) {
        List<String> lines(String step) {
            return out.lines().filter(line -> line.startsWith(step + " ")).toList();
        }
    }

    Run check(String yaml) throws Exception {
        Path config = Files.writeString(dir.resolve("guichet.yml"), yaml);
        StringWriter out = new StringWriter();
        int status = Main.execute(new String[] {"--config", config.toString(), "config", "check"},
                new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), Guichet::open);
        return new Run(status, out.toString());
    }

    String yaml(RealMailHelpdesk.Tls tls) {
        return RealMailHelpdesk.yaml(servers, dir, tls);
    }

    @Test
    void configCheckTellsTheTlsVersionAndTheCertificateOverImapsAndStarttls() throws Exception {
        for (RealMailHelpdesk.Tls tls : RealMailHelpdesk.Tls.values()) {
            Run run = check(yaml(tls));
            assertThat(run.status()).as(run.out()).isZero();
            assertThat(run.lines("imap")).singleElement().asString().contains("ok", "logged in as support@helpdesk.test",
                    tls == RealMailHelpdesk.Tls.IMPLICIT ? "(IMAPS)" : "(STARTTLS)", "CN=localhost",
                    "issued by CN=Guichet test CA").containsPattern("TLS TLSv1\\.[23]");
            assertThat(run.lines("smtp")).singleElement().asString().contains("ok", "logged in as support@helpdesk.test",
                    "CN=localhost").containsPattern("TLS TLSv1\\.[23]");
        }
    }

    @Test
    void aCertificateFromAnUntrustedAuthorityIsRefusedWithOneLine() throws Exception {
        for (RealMailHelpdesk.Tls tls : RealMailHelpdesk.Tls.values()) {
            // without the trust store, the JDK's authorities do not know the run's throwaway CA
            String yaml = yaml(tls).replace("  trust-store: " + servers.caPem() + "\n", "");
            Run run = check(yaml);
            assertThat(run.status()).isEqualTo(2);
            assertThat(run.lines("imap")).singleElement().asString().contains("FAILED", "certificate is not trusted",
                    "set imap.trust-store");
            assertThat(run.lines("smtp")).singleElement().asString().contains("FAILED", "certificate is not trusted",
                    "set smtp.trust-store");
        }
    }

    @Test
    void aCertificateThatDoesNotNameTheHostIsRefusedWithOneLine() throws Exception {
        // 127.0.0.2 reaches the same Dovecot, but its certificate names localhost and 127.0.0.1 only
        String yaml = yaml(RealMailHelpdesk.Tls.IMPLICIT).replace("host: 127.0.0.1", "host: 127.0.0.2");
        Run run = check(yaml);
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.lines("imap")).singleElement().asString().contains("FAILED", "127.0.0.2",
                "certificate does not name this host");
    }

    @Test
    void theDaemonRefusesAnUntrustedServerAndKeepsTheMailForLater() throws Exception {
        String yaml = yaml(RealMailHelpdesk.Tls.IMPLICIT).replace("  trust-store: " + servers.caPem() + "\n", "");
        try (RealMailHelpdesk helpdesk = new RealMailHelpdesk(servers, dir, RealMailHelpdesk.Tls.IMPLICIT,
                text -> yaml, Clock.systemUTC())) {
            helpdesk.send(MailAs.newMail("jane@example.org", "Printer jam", "Room 12."));
            int waiting = helpdesk.count(RealMailHelpdesk.SUPPORT, "INBOX");
            Throwable refused = org.assertj.core.api.Assertions.catchThrowable(helpdesk::runOnce);
            assertThat(refused).hasMessageContaining("certificate is not trusted");
            assertThat(refused.getMessage()).doesNotContain("\n");
            assertThat(helpdesk.ticketCount()).isZero();
            assertThat(helpdesk.count(RealMailHelpdesk.SUPPORT, "INBOX")).isEqualTo(waiting);
        }
    }
}
