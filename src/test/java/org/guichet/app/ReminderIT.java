package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through a real mail server: an untaken very-high ticket reminds IT's agent at 45 minutes and reaches
 * the team lead at 60, each once, with the daemon stopped and started again in between.
 */
class ReminderIT {
    @TempDir
    Path dir;

    TestHelpdesk helpdesk;

    @AfterEach
    void stop() {
        if (helpdesk != null) {
            helpdesk.close();
        }
    }

    List<String> received(String address, String containing) {
        return helpdesk.received(address).stream().map(TestHelpdesk::text).filter(t -> t.contains(containing))
                .toList();
    }

    @Test
    void theReminderAndTheEscalationAreMailedOnceEachAcrossARestart() throws Exception {
        MovableClock clock = new MovableClock(SlaTest.paris("2026-11-30T09:00"));
        helpdesk = TestHelpdesk.start(dir, SlaTest.CONFIG, clock);
        helpdesk.deliver(MailAs.newMail(SlaTest.JANE, "[priority: very high] Projector dead in the exam hall",
                "The exam starts at 11."));

        clock.advance(Duration.ofMinutes(45));
        helpdesk.runOnce();
        helpdesk.runOnce();
        List<String> reminders = received(SlaTest.ALICE, "Reminder: ticket #1");
        assertThat(reminders).hasSize(1);
        assertThat(reminders.get(0)).contains("75% of its 1h target to be taken in charge", "The exam starts at 11.");
        assertThat(helpdesk.received(SlaTest.LEAD)).isEmpty();

        helpdesk.close();
        clock.advance(Duration.ofMinutes(15));
        helpdesk = TestHelpdesk.start(dir, SlaTest.CONFIG, clock);
        assertThat(helpdesk.ticketCount()).as("the same database after the restart").isEqualTo(1);
        helpdesk.runOnce();
        helpdesk.runOnce();

        List<String> escalations = received(SlaTest.LEAD, "Overdue: ticket #1");
        assertThat(escalations).hasSize(1);
        assertThat(escalations.get(0)).contains("missed its 1h target to be taken in charge",
                "It was due 2026-11-30 10:00 CET");
        assertThat(received(SlaTest.ALICE, "Reminder")).as("not sent again by the new daemon").isEmpty();
        assertThat(helpdesk.events(1)).filteredOn(e -> e.type().equals("sla-reminder"))
                .extracting(e -> e.to().orElseThrow()).containsExactly("take-75", "take-100");
    }

}
