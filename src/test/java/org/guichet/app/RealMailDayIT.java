package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.guichet.ticket.Status;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A ticket's whole day against a real Dovecot and OpenSMTPD, over TLS checked against the run's own CA
 * ({@code trust-store}): over IMAPS and submissions (implicit TLS), and over IMAP and submission with STARTTLS.
 * The two cases share the servers (and alice's mailbox): each has its own requester, and each ends only once the
 * servers delivered all its mail ({@link RealMailHelpdesk#close()}).
 */
class RealMailDayIT {
    static final String ALICE = "alice@helpdesk.test";

    @RegisterExtension
    static final RealMailServers servers = new RealMailServers();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(RealMailHelpdesk.Tls.class)
    void aTicketFromNewToClosed(RealMailHelpdesk.Tls tls) throws Exception {
        try (RealMailHelpdesk helpdesk = new RealMailHelpdesk(servers, dir, tls, UnaryOperator.identity(),
                Clock.systemUTC())) {
            String jane = "jane." + tls.name().toLowerCase(Locale.ROOT) + "@example.org";
            int janeBefore = helpdesk.received(jane).size();
            int ticketsBefore = helpdesk.ticketCount();
            long id = ticketsBefore + 1;
            String subject = "Wi-Fi drops every hour (" + tls + ")";
            // the request arrives; the requester is acknowledged, the IT agent told
            helpdesk.deliver(MailAs.newMail("Jane Doe <" + jane + ">", subject, "The wifi in building B drops."));
            assertThat(helpdesk.ticketCount()).isEqualTo(ticketsBefore + 1);
            assertThat(helpdesk.ticket(id).status()).isEqualTo(Status.NEW);
            assertThat(helpdesk.received(jane)).hasSize(janeBefore + 1);
            assertThat(helpdesk.last(jane).getSubject()).isEqualTo("[Helpdesk #" + id + "] " + subject);
            var opened = helpdesk.last(ALICE);
            assertThat(opened.getSubject()).contains(subject);
            assertThat(TestHelpdesk.text(opened)).contains("New ticket #" + id, "building B");
            assertThat(helpdesk.read(RealMailHelpdesk.SUPPORT, "Processed")).isNotEmpty();
            assertThat(helpdesk.count(RealMailHelpdesk.SUPPORT, "INBOX")).isZero();

            // alice takes it by answering her notification, through the plus address of its Reply-To
            assertThat(opened.getHeader("Reply-To", null)).contains("support+");
            helpdesk.deliver(MailAs.reply(opened, "Alice Martin <" + ALICE + ">", "#take"));
            assertThat(helpdesk.ticket(id).assignee()).contains(ALICE);
            assertThat(helpdesk.ticket(id).status()).isEqualTo(Status.ASSIGNED);
            assertThat(TestHelpdesk.text(helpdesk.last(jane))).contains("Alice Martin has taken your request");

            // the requester answers; alice reads it
            helpdesk.deliver(MailAs.reply(helpdesk.last(jane), "Jane Doe <" + jane + ">", "It also drops in room B12."));
            assertThat(TestHelpdesk.text(helpdesk.last(ALICE))).contains("It also drops in room B12");

            // alice resolves it, the requester confirms with #close
            helpdesk.deliver(MailAs.reply(opened, "Alice Martin <" + ALICE + ">", "#resolve"));
            assertThat(helpdesk.ticket(id).status()).isEqualTo(Status.RESOLVED);
            assertThat(TestHelpdesk.text(helpdesk.last(jane))).contains("as resolved");
            helpdesk.deliver(MailAs.reply(helpdesk.last(jane), jane, "#close\n\nThanks, all good."));
            assertThat(helpdesk.ticket(id).status()).isEqualTo(Status.CLOSED);
            assertThat(helpdesk.ticketCount()).isEqualTo(ticketsBefore + 1);
            assertThat(helpdesk.count(RealMailHelpdesk.SUPPORT, "INBOX")).as("nothing left behind").isZero();
        }
    }
}
