package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14 end to end, over GreenMail and H2: one mail per action, and people's mails never dropped. */
class OneMailPerActionIT {
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

    @Test
    void takePriorityAndAnAnswerInOneMailGiveTheRequesterOneMailHoldingAllThree() throws Exception {
        helpdesk = TestHelpdesk.start(dir);
        helpdesk.deliver(MailAs.newMail("Jane Doe <" + JANE + ">", "Printer", "It prints blank pages."));
        MimeMessage opened = last(ALICE);

        helpdesk.deliver(MailAs.reply(opened, "Alice Martin <" + ALICE + ">",
                "#take\n#priority high\nI am on my way with a new toner."));

        List<MimeMessage> mails = helpdesk.received(JANE);
        assertThat(mails).hasSize(2);
        String text = TestHelpdesk.text(mails.get(1));
        assertThat(text).contains("Alice Martin has taken your request in charge", "normal -> high",
                "I am on my way with a new toner.");
        assertThat(text.indexOf("normal -> high")).isLessThan(text.indexOf("I am on my way"));
        assertThat(mails.get(1).getSubject()).isEqualTo("[Helpdesk #1] Printer");
        assertThat(mails.get(1).getFrom()[0].toString()).isEqualTo("Alice Martin via Test Helpdesk <support@helpdesk.test>");
        // each delivery result is in the ticket's log
        assertThat(helpdesk.events(1)).filteredOn(e -> e.type().equals("delivery") && e.detail().contains(JANE))
                .hasSize(2).allSatisfy(e -> assertThat(e.to()).contains("sent"));
    }

    @Test
    void twentyFiveAnswersInTenMinutesAllReachTheRequesterThoseOverTheCeilingAsOneDigest() throws Exception {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-02T09:00:00Z"));
        helpdesk = TestHelpdesk.start(dir, ceiling(20), clock);
        helpdesk.deliver(MailAs.newMail(JANE, "Printer", "It prints blank pages."));
        for (int i = 1; i <= 25; i++) {
            clock.advance(Duration.ofSeconds(20));
            helpdesk.deliver(CommandCases.asTold(helpdesk, 1, ALICE, "Re: [Helpdesk #1] Printer", "Answer number " + i + "."));
        }
        assertThat(helpdesk.received(JANE)).hasSize(20);
        assertThat(helpdesk.events(1)).filteredOn(e -> e.type().equals("notification-held")).hasSize(6);

        clock.advance(Duration.ofMinutes(61));
        helpdesk.runOnce();

        List<MimeMessage> mails = helpdesk.received(JANE);
        assertThat(mails).hasSize(21);
        String all = String.join("\n", mails.stream().map(TestHelpdesk::text).toList());
        for (int i = 1; i <= 25; i++) {
            assertThat(all).as("answer %d reached Jane", i).contains("Answer number " + i + ".");
        }
        assertThat(mails.get(20).getSubject()).isEqualTo("[Helpdesk #1] Printer");
        assertThat(helpdesk.events(1)).anySatisfy(e -> assertThat(e.type()).isEqualTo("notification-digest"));
    }

    @Test
    void aRefusalAfterTwelveNotificationsStillArrives() throws Exception {
        helpdesk = TestHelpdesk.start(dir, UnaryOperator.identity(), Clock.systemUTC());
        helpdesk.deliver(MailAs.newMail(JANE, "Printer", "It prints blank pages."));
        for (int i = 1; i <= 12; i++) {
            helpdesk.send(CommandCases.asTold(helpdesk, 1, ALICE, "Re: [Helpdesk #1] Printer", "Answer number " + i + "."));
        }
        helpdesk.runOnce();
        assertThat(helpdesk.received(JANE)).hasSize(13);

        helpdesk.deliver(CommandCases.asTold(helpdesk, 1, JANE, "Re: [Helpdesk #1] Printer", "#take"));

        assertThat(helpdesk.received(JANE)).hasSize(14);
        assertThat(TestHelpdesk.text(last(JANE))).contains("#take", "for agents only");
    }

    private static UnaryOperator<String> ceiling(int perHour) {
        return yaml -> yaml + "limits:\n  notifications-per-recipient-per-hour: " + perHour + "\n";
    }

    private MimeMessage last(String address) {
        List<MimeMessage> mails = helpdesk.received(address);
        assertThat(mails).isNotEmpty();
        return mails.get(mails.size() - 1);
    }
}
