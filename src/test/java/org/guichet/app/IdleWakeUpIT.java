package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: a mail that arrives while a batch is being handled is seen at once, not at the next poll. The poll is
 * set to a minute here, so only IDLE and the look at the folder after each pass can bring a mail in time.
 */
class IdleWakeUpIT {
    static final String JANE = "jane@example.org";
    private static final Duration WELL_BEFORE_THE_POLL = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    TestHelpdesk helpdesk;

    @AfterEach
    void stop() {
        helpdesk.close();
    }

    @Test
    void aRequestSentRightAfterAutomaticMailIsAcknowledgedWithoutWaitingForThePoll() throws Exception {
        helpdesk = TestHelpdesk.start(dir, yaml -> yaml.replace("poll-interval: 1s", "poll-interval: 60s"));
        try (RunningIntake intake = new RunningIntake(helpdesk.guichet)) {
            // a first request, acknowledged: the watcher is connected and waiting in IDLE
            helpdesk.send(MailAs.newMail("first@example.org", "Printer", "It prints blank pages."));
            await().atMost(WELL_BEFORE_THE_POLL).until(() -> !helpdesk.received("first@example.org").isEmpty());

            for (int i = 1; i <= 3; i++) {
                helpdesk.send(MailAs.newMail("robot" + i + "@example.org", "Out of office", "Back on Monday.",
                        "Auto-Submitted: auto-replied"));
            }
            helpdesk.send(MailAs.newMail(JANE, "VPN down", "The VPN refuses my password."));

            await().atMost(WELL_BEFORE_THE_POLL).untilAsserted(() -> assertThat(helpdesk.received(JANE))
                    .as("Jane's acknowledgement").hasSize(1));
            await().atMost(WELL_BEFORE_THE_POLL).untilAsserted(() -> assertThat(helpdesk.read(TestHelpdesk.SUPPORT,
                    "Processed")).as("every mail moved once handled").hasSize(5));
            assertThat(helpdesk.ticketCount()).as("tickets: the first request and Jane's, none for the robots")
                    .isEqualTo(2);
        }
    }

    @Test
    void mailArrivingOneByOneWhileTheDaemonWorksIsEachAcknowledgedWithoutWaitingForThePoll() throws Exception {
        helpdesk = TestHelpdesk.start(dir, yaml -> yaml.replace("poll-interval: 1s", "poll-interval: 60s"));
        try (RunningIntake intake = new RunningIntake(helpdesk.guichet)) {
            for (int i = 1; i <= 12; i++) {
                String requester = "req" + i + "@example.org";
                helpdesk.send(MailAs.newMail(requester, "Request " + i, "Please help with thing " + i + "."));
                await().atMost(WELL_BEFORE_THE_POLL).until(() -> !helpdesk.received(requester).isEmpty());
            }
            assertThat(helpdesk.ticketCount()).isEqualTo(12);
        }
    }
}
