package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * OAuth2 (SASL XOAUTH2) against a real Dovecot whose oauth2 passdb asks the test's own token-introspection
 * endpoint about every token, for IMAP and for SMTP submission: the token is fetched, kept, renewed once expired,
 * fetched again when revoked, and a revoked refresh token is reported in one line.
 */
class RealMailOAuth2IT {
    static final String JANE = "jane@example.org";

    @RegisterExtension
    static final RealMailServers servers = new RealMailServers();

    @TempDir
    Path dir;

    // whole seconds: the database keeps instants to the microsecond, and a frozen clock must not fall short of them
    final MovableClock clock = new MovableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));

    @BeforeEach
    void freshAuthority() {
        servers.authority.reset();
        servers.authority.useClock(clock);
        servers.doveadm("expunge", "-u", RealMailHelpdesk.SUPPORT, "mailbox", "INBOX", "all"); // another test's leftovers
    }

    String oauth2(String grant) {
        return "oauth2:\n  token-url: " + servers.authority.tokenUrl() + "\n  client-id: " + TokenAuthority.CLIENT_ID
                + "\n  " + grant + "\n  scope: https://outlook.office365.com/.default\n";
    }

    RealMailHelpdesk helpdesk(String grant) {
        return new RealMailHelpdesk(servers, dir, RealMailHelpdesk.Tls.IMPLICIT, yaml -> yaml
                .replace("  password: support\n", "  auth: oauth2\n") + oauth2(grant), clock);
    }

    @Test
    void clientCredentialsTokenIsKeptThenRenewedWhenItExpires() throws Exception {
        try (RealMailHelpdesk helpdesk = helpdesk("client-secret: " + TokenAuthority.CLIENT_SECRET)) {
            int janeBefore = helpdesk.received(JANE).size();
            helpdesk.deliver(MailAs.newMail(JANE, "VPN refuses my password", "Since this morning."));
            assertThat(helpdesk.ticketCount()).isEqualTo(1);
            assertThat(helpdesk.received(JANE)).as("the acknowledgement went out through SMTP with XOAUTH2")
                    .hasSize(janeBefore + 1);
            int firstTokens = servers.authority.tokensIssued();
            assertThat(firstTokens).as("one token for IMAP, one for SMTP").isEqualTo(2);

            // within the hour, the same tokens serve every connection
            helpdesk.deliver(MailAs.newMail(JANE, "Printer in room 4", "Out of toner."));
            assertThat(servers.authority.tokensIssued()).isEqualTo(firstTokens);

            // two hours later the tokens have expired: Guichet renews them before the server has to refuse one
            clock.advance(Duration.ofHours(2));
            helpdesk.deliver(MailAs.newMail(JANE, "Screen flickers", "Every few seconds."));
            assertThat(helpdesk.ticketCount()).isEqualTo(3);
            assertThat(servers.authority.tokensIssued()).isEqualTo(firstTokens + 2);
            assertThat(servers.authority.tokensRefused()).isZero();
            assertThat(helpdesk.received(JANE)).hasSize(janeBefore + 3);
        }
    }

    @Test
    void theRunningDaemonRenewsExpiredTokensWhenItReconnects() throws Exception {
        try (RealMailHelpdesk helpdesk = helpdesk("client-secret: " + TokenAuthority.CLIENT_SECRET)) {
            try (RunningIntake daemon = new RunningIntake(helpdesk.guichet)) {
                // straight to OpenSMTPD: the running daemon takes the mail out of the INBOX at once
                TestHelpdesk.sendVia(servers.smtpPort, MailAs.newMail(JANE, "Mouse", "Broken wheel."));
                await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged(helpdesk, "Mouse"));
                assertThat(servers.authority.tokensIssued()).isEqualTo(2);

                // hours later, the tokens have expired; the server drops the connection (a restart, a timeout)
                clock.advance(Duration.ofHours(3));
                servers.doveadm("kick", RealMailHelpdesk.SUPPORT);
                TestHelpdesk.sendVia(servers.smtpPort, MailAs.newMail(JANE, "Trackpad", "Sticky."));
                await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged(helpdesk, "Trackpad"));
                assertThat(helpdesk.ticketCount()).isEqualTo(2);
                assertThat(servers.authority.tokensIssued()).as("IMAP and SMTP each renewed their token").isEqualTo(4);
                assertThat(servers.authority.tokensRefused()).as("no expired token was offered").isZero();
            }
        }
    }

    /** Whether the requester received the acknowledgement of her request with this subject (other tests' mail aside). */
    private static boolean acknowledged(RealMailHelpdesk helpdesk, String subject) throws Exception {
        return helpdesk.received(JANE).stream().anyMatch(m -> {
            try {
                return m.getSubject().matches("\\[Helpdesk #\\d+\\] " + subject);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aRevokedAccessTokenIsReplacedAndARevokedRefreshTokenIsReportedInOneLine() throws Exception {
        try (RealMailHelpdesk helpdesk = helpdesk("refresh-token: " + TokenAuthority.REFRESH_TOKEN)) {
            helpdesk.deliver(MailAs.newMail(JANE, "Badge does not open door 3", "Since Monday."));
            int before = helpdesk.ticketCount();

            // an administrator revokes the sessions: the server refuses the kept token, Guichet fetches another
            servers.authority.revokeAccessTokens();
            helpdesk.deliver(MailAs.newMail(JANE, "Badge again", "Door 5 too."));
            assertThat(helpdesk.ticketCount()).isEqualTo(before + 1);
            assertThat(servers.authority.tokensRefused()).isPositive();

            // the refresh token itself is revoked: nothing is handled, nothing lost, and the reason is one line
            servers.authority.revokeAccessTokens();
            servers.authority.revokeRefreshToken();
            helpdesk.send(MailAs.newMail(JANE, "Keyboard", "Missing keys."));
            Throwable refused = catchThrowable(helpdesk::runOnce);
            assertThat(refused).hasMessageContaining("refused the refresh token")
                    .hasMessageContaining("invalid_grant: Token has been expired or revoked.")
                    .hasMessageContaining("oauth2.refresh-token");
            assertThat(refused.getMessage()).doesNotContain("\n");
            assertThat(helpdesk.ticketCount()).isEqualTo(before + 1);
            assertThat(helpdesk.count(RealMailHelpdesk.SUPPORT, "INBOX")).isEqualTo(1);

            Path config = Files.writeString(dir.resolve("check.yml"), helpdesk.yaml);
            StringWriter out = new StringWriter();
            int status = Main.execute(new String[] {"--config", config.toString(), "config", "check"},
                    new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), Guichet::open);
            assertThat(status).isEqualTo(2);
            assertThat(out.toString().lines().filter(l -> l.startsWith("imap "))).singleElement().asString()
                    .contains("FAILED", "refused the refresh token", "invalid_grant");
        }
    }

    @Test
    void configCheckTellsWhenTheTokenExpires() throws Exception {
        try (RealMailHelpdesk helpdesk = helpdesk("client-secret: " + TokenAuthority.CLIENT_SECRET)) {
            servers.authority.useClock(java.time.Clock.systemUTC());
            Path config = Files.writeString(dir.resolve("check.yml"), helpdesk.yaml);
            StringWriter out = new StringWriter();
            int status = Main.execute(new String[] {"--config", config.toString(), "config", "check"},
                    new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), Guichet::open);
            assertThat(status).as(out.toString()).isZero();
            assertThat(out.toString()).containsPattern("imap +ok .*XOAUTH2|imap +ok .*OAuth2 token valid until 20")
                    .containsPattern("smtp +ok .*OAuth2 token valid until 20");
        }
    }
}
