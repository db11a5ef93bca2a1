package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.guichet.ticket.TicketEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14 on the domain: one mail per recipient per incoming mail, and caps that brake loops, not people. */
class OneMailPerActionTest {
    static final String JANE = "jane@example.org";
    static final String ALICE = "alice@helpdesk.test";

    @TempDir
    Path dir;

    @Test
    void takePriorityAndTextReachTheRequesterAsOneMailChangesFirst() throws Exception {
        try (InMemoryDesk desk = new InMemoryDesk(dir, yaml -> yaml)) {
            long id = CommandCases.open(desk, MailAs.newMail(JANE, "Printer", "It prints blank pages."));
            int before = desk.sent(JANE).size();

            desk.deliver(CommandCases.asTold(desk, id, ALICE, "Re: [Helpdesk #" + id + "] Printer",
                    "#take\n#priority high\nI am on my way with a new toner."));

            List<Desk.Sent> mails = desk.sent(JANE);
            assertThat(mails).hasSize(before + 1);
            String text = mails.get(mails.size() - 1).text();
            assertThat(text).contains("has taken your request in charge", "normal -> high",
                    "I am on my way with a new toner.");
            assertThat(text.indexOf("has taken your request in charge")).isLessThan(text.indexOf("normal -> high"));
            assertThat(text.indexOf("normal -> high")).isLessThan(text.indexOf("I am on my way"));
        }
    }

    @Test
    void peoplesNotificationsPastTheCeilingAreHeldAndArriveAsOneDigestNoneLost() throws Exception {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-02T09:00:00Z"));
        try (InMemoryDesk desk = new InMemoryDesk(dir,
                yaml -> yaml + "limits:\n  notifications-per-recipient-per-hour: 20\n", clock)) {
            long id = CommandCases.open(desk, MailAs.newMail(JANE, "Printer", "It prints blank pages."));
            // 25 answers of an agent within ten minutes: more than the ceiling, and more than the per-ticket cap
            for (int i = 1; i <= 25; i++) {
                clock.advance(Duration.ofSeconds(20));
                desk.deliver(CommandCases.asTold(desk, id, ALICE, "Re: [Helpdesk #" + id + "] Printer", "Answer number " + i + "."));
            }
            // the acknowledgement and 19 answers went out; 6 answers wait, written in the log with the reason
            assertThat(desk.sent(JANE)).hasSize(20);
            assertThat(desk.detail(id).events()).filteredOn(e -> e.type().equals("notification-held")).hasSize(6)
                    .allSatisfy(e -> assertThat(e.detail()).contains(JANE, "20 mails in the last hour", "digest"));
            assertThat(desk.detail(id).events()).extracting(TicketEvent::type).doesNotContain("notification-capped");

            // still within the hour: nothing more goes out
            desk.guichet.heldDigests().run();
            assertThat(desk.sent(JANE)).hasSize(20);

            clock.advance(Duration.ofMinutes(61));
            assertThat(desk.guichet.heldDigests().run()).isEqualTo(1);
            List<Desk.Sent> mails = desk.sent(JANE);
            assertThat(mails).hasSize(21);
            String all = String.join("\n", mails.stream().map(Desk.Sent::text).toList());
            for (int i = 1; i <= 25; i++) {
                assertThat(all).as("answer %d reached Jane", i).contains("Answer number " + i + ".");
            }
            assertThat(mails.get(20).text()).contains("6 notifications about ticket #" + id);
            assertThat(mails.get(20).subject()).contains("#" + id + "]");
            // sent once: the next run finds nothing held
            assertThat(desk.guichet.heldDigests().run()).isZero();
        }
    }

    @Test
    void aRefusalAfterTwelveNotificationsStillArrives() throws Exception {
        try (InMemoryDesk desk = new InMemoryDesk(dir, yaml -> yaml)) {
            long id = CommandCases.open(desk, MailAs.newMail(JANE, "Printer", "It prints blank pages."));
            for (int i = 1; i <= 12; i++) {
                desk.deliver(CommandCases.asTold(desk, id, ALICE, "Re: [Helpdesk #" + id + "] Printer", "Answer number " + i + "."));
            }
            assertThat(desk.sent(JANE)).hasSize(13);

            desk.deliver(CommandCases.asTold(desk, id, JANE, "Re: [Helpdesk #" + id + "] Printer", "#take"));

            List<Desk.Sent> mails = desk.sent(JANE);
            assertThat(mails).hasSize(14);
            assertThat(mails.get(13).text()).contains("#take", "for agents only");
        }
    }

    @Test
    void theAcknowledgementNamesTheRequestersCommandsInBothLocales() throws Exception {
        try (InMemoryDesk desk = new InMemoryDesk(dir, yaml -> yaml)) {
            CommandCases.open(desk, MailAs.newMail(JANE, "Printer", "It prints blank pages."));
            assertThat(desk.sent(JANE).get(0).text()).contains("#cancel", "#priority high", "#mytickets",
                    "support@helpdesk.test");
        }
        try (InMemoryDesk desk = new InMemoryDesk(dir.resolve("fr"), yaml -> yaml.replace("locale: en", "locale: fr"))) {
            desk.deliver(MailAs.newMail(JANE, "Imprimante", "Elle imprime des pages blanches."));
            assertThat(desk.sent(JANE).get(0).text()).contains("#annuler", "#priorité élevée", "#mestickets");
        }
    }

    @Test
    void anInvitedColleagueOutsideTheAgentsSeesTheTicketButNoInternalNoteAndLargeFilesAreListed() throws Exception {
        try (InMemoryDesk desk = new InMemoryDesk(dir, yaml -> yaml + "limits:\n  max-forward-bytes: 10\n")) {
            desk.deliver(WholeTicketIT.withAttachment(JANE, "Payslip wrong", "My March payslip shows no overtime.",
                    "payslip.pdf", "%PDF-1.4 payslip"));
            desk.deliver(CommandCases.asTold(desk, 1, ALICE, "Re: [Helpdesk #1] Payslip wrong", "#internal\n\nPayroll closed early."));
            desk.deliver(CommandCases.asTold(desk, 1, ALICE, "Re: [Helpdesk #1] Payslip wrong", "#invite paul@example.org"));

            List<Desk.Sent> mails = desk.sent("paul@example.org");
            assertThat(mails).hasSize(1);
            assertThat(mails.get(0).text()).contains("My March payslip shows no overtime.", "payslip.pdf (16 bytes)",
                    "Too large to forward").doesNotContain("Payroll closed early.");
            assertThat(desk.guichet.outbox().unsent()).filteredOn(e -> e.mail().recipient().equals("paul@example.org"))
                    .singleElement().satisfies(e -> assertThat(e.mail().attachments()).isEmpty());
            // the service's agents got the request with its attachment: the limit is on forwarding only
            assertThat(desk.guichet.outbox().unsent()).filteredOn(e -> e.mail().recipient().equals(ALICE))
                    .first().satisfies(e -> assertThat(e.mail().attachments()).extracting(a -> a.name())
                            .containsExactly("payslip.pdf"));
        }
    }

    @Test
    void queueListsTheOpenTicketsOfTheAgentsServicesInOrder() throws Exception {
        try (InMemoryDesk desk = new InMemoryDesk(dir, QueueCases.CONFIG)) {
            QueueCases.check(desk);
        }
    }

    @Test
    void heldNotificationsAboutSeveralTicketsGoOutAsOneDigest() throws Exception {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-02T09:00:00Z"));
        try (InMemoryDesk desk = new InMemoryDesk(dir,
                yaml -> yaml + "limits:\n  notifications-per-recipient-per-hour: 2\n", clock)) {
            long printer = CommandCases.open(desk, MailAs.newMail(JANE, "Printer", "It prints blank pages."));
            long wifi = CommandCases.open(desk, MailAs.newMail(JANE, "Wi-Fi", "It drops."));
            desk.deliver(CommandCases.asTold(desk, printer, ALICE, "Re: [Helpdesk #" + printer + "] Printer", "New toner tomorrow."));
            desk.deliver(CommandCases.asTold(desk, wifi, ALICE, "Re: [Helpdesk #" + wifi + "] Wi-Fi", "Which building?"));
            assertThat(desk.sent(JANE)).hasSize(2);

            clock.advance(Duration.ofMinutes(61));
            assertThat(desk.guichet.heldDigests().run()).isEqualTo(1);

            List<Desk.Sent> mails = desk.sent(JANE);
            assertThat(mails).hasSize(3);
            assertThat(mails.get(2).subject()).contains("2 notifications about 2 tickets");
            assertThat(mails.get(2).text()).contains("New toner tomorrow.", "Which building?",
                    "Ticket #" + printer, "Ticket #" + wifi);
            assertThat(desk.detail(wifi).events()).anySatisfy(e -> assertThat(e.type()).isEqualTo("notification-digest"));
        }
    }
}
