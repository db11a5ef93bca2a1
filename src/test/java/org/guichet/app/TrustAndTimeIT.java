package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.guichet.ticket.Status;
import org.guichet.ticket.Ticket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Agents proven by our own server's Authentication-Results, and the daily job that closes resolved tickets. */
class TrustAndTimeIT {
    static final String JANE = "jane@example.org";
    static final String ALICE = "alice@helpdesk.test";

    @TempDir
    Path dir;

    TestHelpdesk helpdesk;

    @AfterEach
    void stop() {
        helpdesk.close();
    }

    String lastText(String address) {
        List<jakarta.mail.internet.MimeMessage> mails = helpdesk.received(address);
        return TestHelpdesk.text(mails.get(mails.size() - 1));
    }

    @Test
    void withAuthenticationRequiredOnlyOurServersPassMakesAnAgent() throws Exception {
        helpdesk = TestHelpdesk.start(dir, yaml -> yaml.replace("  secret: test-secret-0123456789",
                "  secret: test-secret-0123456789\n  require-proof: true\n"
                        + "  trusted-authserv-id: mx.helpdesk.test"), java.time.Clock.systemUTC());
        helpdesk.deliver(MailAs.newMail(JANE, "Printer in room 12", "Blank pages."));

        // a forged header from a foreign server: recorded as a message, commands refused, sender told why
        helpdesk.deliver(MailAs.newMail(ALICE, "Re: [Helpdesk #1] Printer in room 12", "#take\n\nOn it.",
                "Authentication-Results: evil.example; dkim=pass header.d=helpdesk.test"));
        assertThat(helpdesk.ticket(1).assignee()).isEmpty();
        assertThat(helpdesk.ticket(1).status()).isEqualTo(Status.NEW);
        assertThat(lastText(ALICE)).contains("#take", "no Authentication-Results from mx.helpdesk.test");
        assertThat(helpdesk.events(1)).anySatisfy(e -> assertThat(e.type()).isEqualTo("command-refused"));

        // our own server's verdict: the agent is trusted
        helpdesk.deliver(MailAs.newMail(ALICE, "Re: [Helpdesk #1] Printer in room 12", "#take",
                "Authentication-Results: mx.helpdesk.test; dkim=pass header.d=helpdesk.test"));
        assertThat(helpdesk.ticket(1).assignee()).contains(ALICE);
        assertThat(lastText(JANE)).contains("has taken your request in charge");
    }

    @Test
    void aForgedHeaderDoesNotMakeAStrangerAnAgent() throws Exception {
        helpdesk = TestHelpdesk.start(dir);
        helpdesk.deliver(MailAs.newMail(JANE, "Printer in room 12", "Blank pages."));

        helpdesk.deliver(MailAs.newMail("mallory@example.net", "Printer in room 12", "#assign mallory@example.net",
                "Authentication-Results: mx.helpdesk.test; dkim=pass header.d=helpdesk.test",
                "References: <nothing@example.org>"));

        assertThat(helpdesk.ticket(1).assignee()).isEmpty();
        assertThat(lastText("mallory@example.net")).contains("for agents only");
    }

    @Test
    void resolvedTicketsCloseByThemselvesAfterTheConfiguredDays() throws Exception {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-02T09:00:00Z"));
        helpdesk = TestHelpdesk.start(dir, yaml -> yaml, clock);
        helpdesk.deliver(MailAs.newMail(JANE, "Printer in room 12", "Blank pages."));
        helpdesk.deliver(MailAs.reply(helpdesk.received(ALICE).get(0), ALICE, "#resolve"));
        helpdesk.deliver(MailAs.newMail(JANE, "Scanner", "Does not scan."));
        assertThat(helpdesk.ticket(1).status()).isEqualTo(Status.RESOLVED);

        clock.advance(Duration.ofDays(6));
        helpdesk.runOnce();
        assertThat(helpdesk.ticket(1).status()).as("six days after: still resolved").isEqualTo(Status.RESOLVED);

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        helpdesk.runOnce();
        assertThat(helpdesk.ticket(1).status()).isEqualTo(Status.CLOSED);
        assertThat(helpdesk.ticket(1).closed()).contains(clock.instant());
        assertThat(helpdesk.ticket(2).status()).as("a ticket that was never resolved stays open").isEqualTo(Status.NEW);
        assertThat(helpdesk.events(1)).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("guichet");
            assertThat(e.to()).contains("closed");
            assertThat(e.detail()).contains("closed automatically");
        });
        assertThat(lastText(JANE)).contains("Ticket #1 is now closed");

        // closed is final: a reply to the closing mail opens a new ticket that names the old one
        List<jakarta.mail.internet.MimeMessage> janes = helpdesk.received(JANE);
        helpdesk.deliver(MailAs.reply(janes.get(janes.size() - 1), JANE, "It is broken again."));
        assertThat(helpdesk.ticket(1).status()).isEqualTo(Status.CLOSED);
        assertThat(helpdesk.ticket(3).linkedTicket()).contains(1L);
        assertThat(helpdesk.ticket(3).subject()).isEqualTo("Printer in room 12");
        assertThat(lastText(JANE)).contains("ticket #3");
    }
}
