package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.guichet.store.OutboxEntry;
import org.guichet.ticket.TicketFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Notifications (issue 5): headers that thread and stop loops, the outbox through an SMTP outage, the caps. */
class NotificationsIT {
    static final String JANE = "jane@example.org";
    static final String ALICE = "alice@helpdesk.test";

    @TempDir
    Path dir;

    TestHelpdesk helpdesk;

    @AfterEach
    void stop() {
        if (helpdesk != null) {
            helpdesk.close();
        }
    }

    MimeMessage last(String address) {
        List<MimeMessage> mails = helpdesk.received(address);
        assertThat(mails).as("mails of %s", address).isNotEmpty();
        return mails.get(mails.size() - 1);
    }

    @Test
    void everyMailCarriesThreadingAndLoopHeadersAndThreadsBack() throws Exception {
        helpdesk = TestHelpdesk.start(dir);
        helpdesk.deliver(MailAs.newMail("Jane Doe <" + JANE + ">", "Wi-Fi drops every hour", "Building B."));
        MimeMessage ack = last(JANE);
        MimeMessage opened = last(ALICE);
        helpdesk.deliver(MailAs.reply(opened, "Alice Martin <" + ALICE + ">", "Which room exactly?"));
        MimeMessage answer = last(JANE);

        for (MimeMessage m : List.of(ack, opened, answer)) {
            assertThat(m.getSubject()).isEqualTo("[Helpdesk #1] Wi-Fi drops every hour");
            // each recipient's own reply address: a keyed hash of the ticket and the recipient (SPEC section 6)
            assertThat(m.getHeader("Reply-To", null)).matches("support\\+1-[a-z2-7]{12}@helpdesk\\.test");
            assertThat(m.getHeader("X-Auto-Response-Suppress", null)).isEqualTo("All");
            assertThat(m.getContentType()).startsWith("multipart/alternative");
            assertThat(m.getHeader("References", null)).contains(m.getHeader("In-Reply-To", null));
        }
        assertThat(ack.getHeader("Reply-To", null)).as("Jane's and Alice's reply addresses differ")
                .isEqualTo(answer.getHeader("Reply-To", null)).isNotEqualTo(opened.getHeader("Reply-To", null));
        assertThat(ack.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(answer.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(answer.getFrom()[0].toString()).isEqualTo("Alice Martin via Test Helpdesk <support@helpdesk.test>");
        // the agent's reply is chained after the agent's own mail, itself an answer to the notification
        assertThat(answer.getHeader("References", null)).contains(opened.getMessageID());
        // every Message-ID sent is recorded and unique
        List<String> recorded = helpdesk.guichet.outbox().unsent().stream().map(e -> e.mail().messageId()).toList();
        assertThat(recorded).isEmpty();
        assertThat(List.of(ack.getMessageID(), opened.getMessageID(), answer.getMessageID())).doesNotHaveDuplicates();

        // a reply from a mail client: subject changed, threaded by References alone
        String reply = MailAs.reply(answer, JANE, "Room B12.").replaceFirst("Subject: .*\r\n", "Subject: room\r\n")
                .replaceFirst("To: .*\r\n", "To: support@helpdesk.test\r\n");
        helpdesk.deliver(reply);
        assertThat(ticketsCount()).isEqualTo(1);
        // and by the plus address alone: no tag, no References
        helpdesk.deliver("From: " + JANE + "\r\nTo: " + ack.getHeader("Reply-To", null) + "\r\nSubject: one more thing\r\n"
                + "Message-ID: <plus-only@example.org>\r\n\r\nIt is the third floor.\r\n");
        assertThat(ticketsCount()).isEqualTo(1);
        assertThat(helpdesk.guichet.tickets().inTransaction(tx -> tx.detail(1)).orElseThrow().messages()).hasSize(4);
    }

    @Test
    void aSubjectCannotInjectAHeader() throws Exception {
        helpdesk = TestHelpdesk.start(dir);
        helpdesk.deliver("From: " + JANE + "\r\nTo: support@helpdesk.test\r\n"
                + "Subject: =?utf-8?Q?Help=0D=0ABcc:_victim@example.org?=\r\n"
                + "Message-ID: <inject-1@example.org>\r\n\r\nHello\r\n");

        MimeMessage ack = last(JANE);
        assertThat(ack.getSubject()).doesNotContain("\r", "\n").contains("Help").contains("Bcc: victim@example.org");
        assertThat(ack.getHeader("Bcc")).isNull();
        assertThat(helpdesk.received("victim@example.org")).isEmpty();
    }

    @Test
    void frenchTemplatesWriteFrenchMails() throws Exception {
        helpdesk = TestHelpdesk.start(dir, yaml -> yaml.replace("locale: en", "locale: fr"), Clock.systemUTC());
        helpdesk.deliver(MailAs.newMail("Jeanne <" + JANE + ">", "Imprimante en panne", "Elle imprime des pages blanches."));
        assertThat(TestHelpdesk.text(last(JANE))).contains("Bonjour Jeanne", "Votre demande a bien été reçue",
                "Priorité : normale");
        helpdesk.deliver(MailAs.reply(last(ALICE), ALICE, "#prendre"));
        assertThat(TestHelpdesk.text(last(JANE))).contains("a pris en charge votre demande");
    }

    @Test
    void unverifiedSendersGetNoMoreThanTheCapAboutOneTicketInTenMinutes() throws Exception {
        // caps brake loops, not people (SPEC section 7): the cap holds for automatic answers and for mail from
        // unverified senders, such as an observer writing from the Cc of the opening mail
        helpdesk = TestHelpdesk.start(dir, yaml -> yaml + "limits:\n  notifications-per-ticket-per-10-minutes: 3\n",
                Clock.systemUTC());
        helpdesk.deliver(MailAs.newMail(JANE, "Printer", "Blank pages.", "Cc: paul@example.org"));
        for (String body : List.of("Any news?", "Still broken.", "Hello?", "Anyone?")) {
            helpdesk.deliver(MailAs.newMail("paul@example.org", "Re: [Helpdesk #1] Printer", body));
        }

        assertThat(helpdesk.received(JANE)).hasSize(3);
        assertThat(helpdesk.guichet.tickets().inTransaction(tx -> tx.detail(1)).orElseThrow().events())
                .filteredOn(e -> e.type().equals("notification-capped") && e.detail().contains(JANE)).hasSize(2)
                .allSatisfy(e -> assertThat(e.detail()).contains(JANE, "3 mails in 10 minutes"));
    }

    @Test
    void aPermanentRefusalFailsAfterOneTryAndBlocksNothing() throws Exception {
        try (RefusingSmtpServer smtp = new RefusingSmtpServer()) {
            helpdesk = TestHelpdesk.start(dir, yaml -> yaml.replaceFirst("(smtp:\\n  host: 127.0.0.1\\n  port: )\\d+",
                    "$1" + smtp.port()), Clock.systemUTC());
            helpdesk.send(MailAs.newMail("nobody@example.org", "Bounce me", "x"));
            helpdesk.send(MailAs.newMail(JANE, "Printer", "Blank pages."));
            helpdesk.runOnce();

            List<OutboxEntry> unsent = helpdesk.guichet.outbox().unsent();
            assertThat(unsent).hasSize(1);
            assertThat(unsent.get(0).status()).isEqualTo("failed");
            assertThat(unsent.get(0).attempts()).isEqualTo(1);
            assertThat(unsent.get(0).mail().recipient()).isEqualTo("nobody@example.org");
            assertThat(unsent.get(0).lastError()).hasValueSatisfying(e -> assertThat(e).contains("550"));
            assertThat(smtp.accepted).anySatisfy(m -> assertThat(m).contains("To: " + JANE));
        }
    }

    @Test
    void withSmtpDownNothingIsLostAndEverythingArrivesOnceWhenItIsBack() throws Exception {
        int outgoingPort = TestHelpdesk.freePort();
        MovableClock clock = new MovableClock(Instant.parse("2026-11-02T09:00:00Z"));
        // alice is told of 50 new tickets within the hour: past the default ceiling, some would wait for a digest
        helpdesk = TestHelpdesk.start(dir, yaml -> yaml.replaceFirst("(smtp:\\n  host: 127.0.0.1\\n  port: )\\d+",
                "$1" + outgoingPort) + "limits:\n  notifications-per-recipient-per-hour: 1000\n", clock);

        // SMTP is down: 50 requests still become 50 tickets, their notifications wait in the outbox
        for (int i = 1; i <= 50; i++) {
            helpdesk.send(MailAs.newMail("user" + i + "@example.org", "Request " + i, "Body " + i));
        }
        helpdesk.runOnce();
        assertThat(ticketsCount()).isEqualTo(50);
        assertThat(helpdesk.guichet.outbox().unsent()).hasSize(100).allSatisfy(e -> assertThat(e.status()).isEqualTo("pending"));

        clock.advance(Duration.ofMinutes(5));
        helpdesk.runOnce();
        assertThat(helpdesk.guichet.outbox().unsent()).hasSize(100);

        GreenMail outgoing = new GreenMail(new ServerSetup(outgoingPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        outgoing.start();
        try {
            clock.advance(Duration.ofHours(2));
            helpdesk.runOnce();
            helpdesk.runOnce();

            assertThat(helpdesk.guichet.outbox().unsent()).isEmpty();
            MimeMessage[] received = outgoing.getReceivedMessages();
            assertThat(received).hasSize(100);
            assertThat(java.util.Arrays.stream(received).map(m -> header(m, "Message-ID")).distinct()).hasSize(100);
            for (int i = 1; i <= 50; i++) {
                String user = "user" + i + "@example.org";
                assertThat(outgoing.findReceivedMessages(u -> u.getEmail().equals(user), m -> true)).hasSize(1);
            }
        } finally {
            outgoing.stop();
        }
    }

    private static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name, null);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private int ticketsCount() {
        return helpdesk.guichet.tickets().inTransaction(tx -> tx.list(TicketFilter.all())).size();
    }
}
