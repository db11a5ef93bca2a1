package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.guichet.intake.MailboxWatcher;
import org.guichet.intake.ReadingTurn;
import org.guichet.ops.Health;
import org.guichet.store.MailboxStates;
import org.guichet.ticket.Ticket;
import org.guichet.ticket.TicketFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two support addresses, {@code support@} and {@code rh@}, as two mailboxes of one GreenMail: each mail opens its
 * ticket in its mailbox's category and is answered from the address it was sent to; replies thread; a mail to
 * both opens one ticket; a mailbox that refuses its login does not stop the other.
 */
class MailboxesIT {
    static final String RH = "rh@helpdesk.test";
    static final String SUPPORT = TestHelpdesk.SUPPORT;

    @RegisterExtension
    final TestHelpdesk.Extension helpdesk = TestHelpdesk.extension(twoMailboxes(RH_IMAP_SAME_SERVER));

    /** The rh mailbox's imap section on the test's own GreenMail: {@code %d} is its IMAP port. */
    static final String RH_IMAP_SAME_SERVER = "    imap:\n"
            + "      host: 127.0.0.1\n"
            + "      port: %d\n"
            + "      ssl: false\n"
            + "      starttls: false\n"
            + "      user: rh@helpdesk.test\n"
            + "      password: any\n"
            + "      poll-interval: 1s\n"
            + "      timeout: 10s\n";

    /**
     * The test config with {@code mailboxes:} instead of its {@code imap} section: support (the default category)
     * and rh, whose new tickets go to Payroll unless the mail says otherwise.
     */
    static UnaryOperator<String> twoMailboxes(String rhImap) {
        return yaml -> {
            Matcher imap = Pattern.compile("(?s)imap:\n(.*?)(?=smtp:\n)").matcher(yaml);
            assertThat(imap.find()).isTrue();
            Matcher port = Pattern.compile("port: (\\d+)").matcher(imap.group(1));
            assertThat(port.find()).isTrue();
            String indented = imap.group(1).replaceAll("(?m)^  ", "      ");
            String mailboxes = "mailboxes:\n"
                    + "  - name: support\n"
                    + "    address: support@helpdesk.test\n"
                    + "    imap:\n" + indented
                    + "  - name: rh\n"
                    + "    address: rh@helpdesk.test\n"
                    + "    default-category: Payroll\n"
                    + "    transfer-moves-address: true\n"
                    + rhImap.formatted(Integer.parseInt(port.group(1)));
            return yaml.substring(0, imap.start()) + mailboxes + yaml.substring(imap.end());
        };
    }

    List<Ticket> tickets() {
        return helpdesk.get().guichet.tickets().inTransaction(tx -> tx.list(TicketFilter.all())).stream()
                .map(s -> s.ticket()).toList();
    }

    @Test
    void aMailToEachAddressOpensATicketInItsCategoryAnsweredFromThatAddress() throws Exception {
        TestHelpdesk desk = helpdesk.get();
        desk.send(MailAs.newMailTo(SUPPORT, "jane@example.org", "Printer jammed", "The printer says paper jam."));
        desk.send(MailAs.newMailTo(RH, "paul@example.org", "Attestation employeur", "J'ai besoin d'une attestation."));

        assertThat(desk.runOnce()).isEqualTo(2);

        Ticket printer = tickets().stream().filter(t -> t.subject().equals("Printer jammed")).findFirst().orElseThrow();
        Ticket hr = tickets().stream().filter(t -> t.subject().equals("Attestation employeur")).findFirst()
                .orElseThrow();
        assertThat(printer.category()).isEqualTo("Unsorted");
        assertThat(printer.mailbox()).contains("support");
        assertThat(hr.category()).isEqualTo("Payroll");
        assertThat(hr.service()).isEqualTo("admin");
        assertThat(hr.mailbox()).contains("rh");

        MimeMessage janeAck = desk.read("jane@example.org", "INBOX").get(0);
        assertThat(janeAck.getFrom()[0].toString()).isEqualTo("Test Helpdesk <support@helpdesk.test>");
        assertThat(janeAck.getHeader("Reply-To", null)).matches("support\\+" + printer.id() + "-[a-z2-7]{12}@helpdesk\\.test");
        MimeMessage paulAck = desk.read("paul@example.org", "INBOX").get(0);
        assertThat(paulAck.getFrom()[0].toString()).isEqualTo("Test Helpdesk <rh@helpdesk.test>");
        assertThat(paulAck.getHeader("Reply-To", null)).matches("rh\\+" + hr.id() + "-[a-z2-7]{12}@helpdesk\\.test");
        assertThat(paulAck.getMessageID()).endsWith("@helpdesk.test>");
        // the agents of the service are told from the same address
        MimeMessage bobNotice = desk.read("bob@helpdesk.test", "INBOX").get(0);
        assertThat(bobNotice.getFrom()[0].toString()).contains("<rh@helpdesk.test>");

        assertThat(desk.read(SUPPORT, "Processed")).hasSize(1);
        assertThat(desk.read(RH, "Processed")).hasSize(1);
        assertThat(desk.read(RH, "INBOX")).isEmpty();
    }

    @Test
    void aSubjectPrefixStillChoosesTheCategoryOfAMailToRh() throws Exception {
        TestHelpdesk desk = helpdesk.get();
        desk.send(MailAs.newMailTo(RH, "paul@example.org", "[Network] my office has no network", "Help."));
        desk.runOnce();

        assertThat(tickets()).singleElement().satisfies(t -> {
            assertThat(t.category()).isEqualTo("Network");
            assertThat(t.mailbox()).contains("rh");
        });
        assertThat(desk.read("paul@example.org", "INBOX").get(0).getFrom()[0].toString()).contains("rh@helpdesk.test");
    }

    @Test
    void repliesToEitherAddressThreadAndTheAnswersKeepTheTicketsAddress() throws Exception {
        TestHelpdesk desk = helpdesk.get();
        desk.send(MailAs.newMailTo(RH, "paul@example.org", "Attestation employeur", "J'ai besoin d'une attestation."));
        desk.runOnce();
        MimeMessage ack = desk.read("paul@example.org", "INBOX").get(0);

        desk.send(MailAs.reply(ack, "paul@example.org", "Pour ma banque, merci."));
        desk.runOnce();
        assertThat(tickets()).hasSize(1);
        assertThat(desk.detail(1).messages()).hasSize(2);
        assertThat(desk.read(RH, "Processed")).hasSize(2);

        // bob answers the notification he got: the requester hears from rh@, and the reply threads
        MimeMessage bobNotice = desk.read("bob@helpdesk.test", "INBOX").get(0);
        desk.send(MailAs.reply(bobNotice, "bob@helpdesk.test", "#take\nJe m'en occupe."));
        desk.runOnce();
        assertThat(desk.ticket(1).assignee()).contains("bob@helpdesk.test");
        List<MimeMessage> toPaul = desk.read("paul@example.org", "INBOX");
        assertThat(toPaul).hasSizeGreaterThan(1);
        assertThat(toPaul.get(toPaul.size() - 1).getFrom()[0].toString()).contains("<rh@helpdesk.test>");

        // a reply written to support@ naming the ticket by its tag threads too: both addresses are ours
        desk.send(MailAs.newMailTo(SUPPORT, "paul@example.org", "Re: [Helpdesk #1] Attestation employeur",
                "Et aussi pour le loyer."));
        desk.runOnce();
        assertThat(tickets()).hasSize(1);
        assertThat(desk.detail(1).messages()).hasSize(4);
    }

    /** rh says transfer-moves-address: a ticket transferred to Payroll's service is answered from rh@ from then on. */
    @Test
    void aTransferToTheServiceBehindRhMovesTheTicketToRhsAddress() throws Exception {
        TestHelpdesk desk = helpdesk.get();
        desk.send(MailAs.newMailTo(SUPPORT, "jane@example.org", "Missing payslip", "Where is my payslip?"));
        desk.runOnce();
        assertThat(desk.ticket(1).mailbox()).contains("support");
        MimeMessage aliceNotice = desk.read("alice@helpdesk.test", "INBOX").get(0);

        desk.send(MailAs.reply(aliceNotice, "alice@helpdesk.test", "#transfer Payroll\nThis is for HR."));
        desk.runOnce();

        Ticket moved = desk.ticket(1);
        assertThat(moved.service()).isEqualTo("admin");
        assertThat(moved.mailbox()).contains("rh");
        assertThat(desk.events(1)).anySatisfy(e -> assertThat(e.type()).isEqualTo("mailbox"));
        List<MimeMessage> toJane = desk.read("jane@example.org", "INBOX");
        assertThat(toJane).hasSize(2);
        MimeMessage told = toJane.get(1);
        assertThat(told.getFrom()[0].toString()).contains("<rh@helpdesk.test>");
        assertThat(told.getHeader("Reply-To", null)).startsWith("rh+1-");
        // jane answers the new address: it threads onto the same ticket
        desk.send(MailAs.reply(told, "jane@example.org", "Thank you."));
        desk.runOnce();
        assertThat(tickets()).hasSize(1);
        assertThat(desk.detail(1).messages()).hasSize(3);
    }

    @Test
    void oneMailToBothAddressesOpensOneTicketAndBothCopiesAreMoved() throws Exception {
        TestHelpdesk desk = helpdesk.get();
        desk.send(MailAs.newMailTo(SUPPORT + ", " + RH, "jane@example.org", "Wi-Fi and payslip",
                "My wifi drops and my payslip is wrong."));

        desk.runOnce();

        assertThat(tickets()).hasSize(1);
        assertThat(desk.read("jane@example.org", "INBOX")).hasSize(1);
        assertThat(desk.read(SUPPORT, "Processed")).hasSize(1);
        assertThat(desk.read(RH, "Processed")).hasSize(1);
        assertThat(desk.read(SUPPORT, "INBOX")).isEmpty();
        assertThat(desk.read(RH, "INBOX")).isEmpty();
    }

    /** Both watchers at once, as the daemon runs them: copies of one mail read at the same time still make one ticket. */
    @Test
    void copiesReadAtOnceByBothWatchersOpenOneTicketEach() throws Exception {
        TestHelpdesk desk = helpdesk.get();
        int mails = 15;
        for (int i = 0; i < mails; i++) {
            desk.send(MailAs.newMailTo(SUPPORT + ", " + RH, "jane" + i + "@example.org", "Request " + i, "Please."));
        }
        try (Watchers watchers = new Watchers(desk.guichet)) {
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                assertThat(desk.read(SUPPORT, "Processed")).hasSize(mails);
                assertThat(desk.read(RH, "Processed")).hasSize(mails);
            });
        }
        assertThat(tickets()).hasSize(mails);
        assertThat(tickets().stream().map(Ticket::subject).distinct()).hasSize(mails);
        for (int i = 0; i < mails; i++) {
            assertThat(desk.received("jane" + i + "@example.org")).as("acknowledgements of jane%d", i).hasSize(1);
        }
    }

    @Test
    void theDryRunReadsAMailToRhAsRhsIntakeDoes() throws Exception {
        TestHelpdesk desk = helpdesk.get();
        java.nio.file.Path eml = desk.dir.resolve("to-rh.eml");
        java.nio.file.Files.writeString(eml, MailAs.newMailTo(RH, "paul@example.org", "Attestation", "Merci."));

        Cli.Run route = desk.cli().run("route", eml.toString(), "--format", "json");

        assertThat(route.status()).isZero();
        com.fasterxml.jackson.databind.JsonNode read = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(route.out());
        assertThat(read.get("category").asText()).isEqualTo("Payroll");
        assertThat(read.get("service").asText()).isEqualTo("admin");
    }

    @Test
    void aMailQuarantinedInRhIsRetriedIntoRhsFoldersAndTickets() throws Exception {
        String small = "limits:\n  max-message-bytes: 8KiB\n";
        java.nio.file.Path dir = java.nio.file.Files.createDirectories(helpdesk.get().dir.resolve("small"));
        try (TestHelpdesk desk = TestHelpdesk.start(dir, twoMailboxes(RH_IMAP_SAME_SERVER).andThen(y -> y + small)
                ::apply)) {
            MailServer server = new MailServer(desk.mail);
            server.append(RH, "From: paul@example.org\r\nTo: " + RH + "\r\nSubject: Long route\r\n"
                    + "Message-ID: <long-route@example.org>\r\n"
                    + "Received: from relay.example.org by mx.example.org\r\n".repeat(200) + "\r\nBonjour.\r\n");
            desk.runOnce();
            assertThat(server.count(RH, "Quarantine")).isEqualTo(1);

            java.nio.file.Path relaxed = dir.resolve("relaxed.yml");
            java.nio.file.Files.writeString(relaxed, desk.yaml(false).replace(small,
                    "limits:\n  max-message-bytes: 1MiB\n"));
            Cli.Run retried = Cli.with(relaxed).run("quarantine", "retry", "1");

            assertThat(retried.status()).as(retried.err()).isZero();
            assertThat(retried.out()).contains("moved from Quarantine to Processed");
            assertThat(server.count(RH, "Quarantine")).isZero();
            assertThat(server.count(RH, "Processed")).isEqualTo(1);
            assertThat(desk.ticket(1).mailbox()).contains("rh");
            assertThat(desk.ticket(1).category()).isEqualTo("Payroll");
        }
    }

    @Test
    void myTicketsAskedOfRhIsAnsweredFromRh() throws Exception {
        TestHelpdesk desk = helpdesk.get();
        desk.send(MailAs.newMailTo(RH, "paul@example.org", "Attestation", "Merci."));
        desk.runOnce();
        desk.send(MailAs.newMailTo(RH, "paul@example.org", "#mytickets", ""));
        desk.runOnce();

        List<MimeMessage> toPaul = desk.read("paul@example.org", "INBOX");
        assertThat(toPaul).hasSize(2);
        assertThat(toPaul.get(1).getSubject()).isEqualTo("Re: #mytickets");
        assertThat(toPaul.get(1).getFrom()[0].toString()).contains("<rh@helpdesk.test>");
    }

    @Test
    void mailFromOneOfOurAddressesToAnotherIsOurOwnAndOpensNoTicket() throws Exception {
        TestHelpdesk desk = helpdesk.get();
        desk.send(MailAs.newMailTo(SUPPORT, "Test Helpdesk <rh@helpdesk.test>", "[Helpdesk #9] Paul's request",
                "An acknowledgement that went astray."));
        desk.send(MailAs.newMailTo(RH, "support+3-abcdefghijkl@helpdesk.test", "Re: something", "A bounce, say."));

        desk.runOnce();

        assertThat(tickets()).isEmpty();
        assertThat(desk.read(SUPPORT, "Processed")).hasSize(1);
        assertThat(desk.read(RH, "Processed")).hasSize(1);
        // nothing was sent back: each mailbox's INBOX stays empty once its one mail is moved
        assertThat(desk.read(RH, "INBOX")).as("nothing is sent back to rh@").isEmpty();
        assertThat(desk.read(SUPPORT, "INBOX")).as("nothing is sent back to support@").isEmpty();
        assertThat(desk.guichet.outbox().due(java.time.Instant.now().plusSeconds(3600), 10)).isEmpty();
    }

    @Test
    void theCommandLineListsTheTicketsOfOneMailbox() throws Exception {
        TestHelpdesk desk = helpdesk.get();
        desk.send(MailAs.newMailTo(SUPPORT, "jane@example.org", "Printer jammed", "Paper jam."));
        desk.send(MailAs.newMailTo(RH, "paul@example.org", "Attestation", "Merci."));
        desk.runOnce();

        Cli.Run rh = desk.cli().run("tickets", "--mailbox", "rh", "--format", "json");
        assertThat(rh.status()).isZero();
        com.fasterxml.jackson.databind.JsonNode listed = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(rh.out());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("subject").asText()).isEqualTo("Attestation");
        assertThat(listed.get(0).get("mailbox").asText()).isEqualTo("rh");
        Cli.Run support = desk.cli().run("tickets", "--mailbox", "support");
        assertThat(support.out()).contains("Printer jammed").doesNotContain("Attestation");
        Cli.Run unknown = desk.cli().run("tickets", "--mailbox", "accounting");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown mailbox 'accounting'").contains("support, rh");
    }

    /**
     * rh's mailbox is on a server that requires its password, and the config has the wrong one: support's mail is
     * still handled, and {@code status} and {@code db info} name rh as failing.
     */
    @Test
    void aMailboxThatRefusesItsLoginDoesNotStopTheOther() throws Exception {
        GreenMail strict = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort());
        strict.withConfiguration(GreenMailConfiguration.aConfig().withUser(RH, RH, "the-right-one"));
        strict.start();
        TestHelpdesk desk = TestHelpdesk.start(java.nio.file.Files.createDirectories(helpdesk.get().dir
                .resolve("strict")), twoMailboxes(
                RH_IMAP_SAME_SERVER.replace("port: %d", "port: " + strict.getImap().getPort())
                        .replace("password: any", "password: wrong")));
        try (desk; Watchers watchers = new Watchers(desk.guichet)) {
            desk.send(MailAs.newMailTo(SUPPORT, "jane@example.org", "Printer jammed", "Paper jam."));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(desk.received("jane@example.org")).hasSize(1));
            desk.send(MailAs.newMailTo(SUPPORT, "joe@example.org", "Screen dead", "No picture."));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(desk.received("joe@example.org")).hasSize(1));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<MailboxStates.State> states = desk.guichet.mailboxStates();
                assertThat(states).extracting(MailboxStates.State::mailbox).containsExactly("support", "rh");
                assertThat(states.get(0).error()).isEmpty();
                assertThat(states.get(0).lastMailHandled()).isPresent();
                assertThat(states.get(1).error()).hasValueSatisfying(e -> assertThat(e).isNotBlank());
            });
            Health.Report report = desk.guichet.health().check();
            assertThat(report.up()).isFalse();
            assertThat(report.checks()).anySatisfy(c -> {
                assertThat(c.name()).isEqualTo("imap:rh");
                assertThat(c.ok()).isFalse();
            });
            assertThat(report.checks()).anySatisfy(c -> {
                assertThat(c.name()).isEqualTo("imap:support");
                assertThat(c.ok()).isTrue();
                assertThat(c.detail()).contains("last mail handled 20");
            });
            Cli.Run info = desk.cli().run("db", "info");
            assertThat(info.out()).containsPattern("(?m)^rh .*since .*")
                    .containsPattern("(?m)^support .*20\\d\\d-");
            Cli.Run check = desk.cli().run("config", "check");
            assertThat(check.status()).isEqualTo(2);
            assertThat(check.out()).containsPattern("(?m)^imap support +ok .*for support@helpdesk\\.test")
                    .containsPattern("(?m)^imap rh +FAILED ");
            Cli.Run status = desk.cli().run("status", "--format", "json");
            assertThat(status.status()).isEqualTo(1);
            assertThat(status.out()).contains("\"imap:rh\"").contains("\"imap:support\"");
        } finally {
            strict.stop();
        }
    }

    /** A watcher per mailbox in threads of the test, reporting as the daemon's do, delivering after each pass. */
    static final class Watchers implements AutoCloseable {
        private final List<MailboxWatcher> watchers = new ArrayList<>();
        private final List<Thread> threads = new ArrayList<>();

        Watchers(Guichet guichet) {
            for (WatchedMailbox m : guichet.mailboxes()) {
                MailboxWatcher w = new MailboxWatcher(m.intake(), guichet.delivery()::deliverDue, ReadingTurn.ALWAYS,
                        guichet.mailboxReport());
                watchers.add(w);
                Thread t = new Thread(w::watch, "test-intake-" + m.name());
                threads.add(t);
                t.start();
            }
        }

        @Override
        public void close() throws InterruptedException {
            watchers.forEach(MailboxWatcher::stop);
            for (Thread t : threads) {
                t.join(Duration.ofSeconds(30).toMillis());
                assertThat(t.isAlive()).isFalse();
            }
        }
    }
}
