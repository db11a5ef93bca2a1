package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code #mytickets} answer lists the 50 newest tickets and counts the rest; answers are capped per hour. */
class MyTicketsBrakeTest {
    static final String JANE = "jane@example.org";

    @Test
    void theAnswerListsTheFiftyNewestAndCountsTheRest(@TempDir Path dir) throws Exception {
        try (InMemoryDesk desk = new InMemoryDesk(dir, yaml -> yaml + "limits:\n  new-tickets-per-sender-per-hour: 1000\n")) {
            for (int i = 1; i <= 55; i++) {
                desk.deliver(MailAs.newMail(JANE, "Request " + i, "Text " + i));
            }

            desk.deliver(MailAs.newMail(JANE, "#mytickets", ""));

            List<Desk.Sent> sent = desk.sent(JANE);
            String answer = sent.get(sent.size() - 1).text();
            assertThat(answer).contains("(55)", "#55 ", "#6 ", "and 5 older ones").doesNotContain("Request 5 ");
            assertThat(answer.indexOf("#55 ")).as("newest first").isLessThan(answer.indexOf("#6 "));
        }
    }

    @Test
    void answersStopAtTheHourlyCap(@TempDir Path dir) throws Exception {
        try (InMemoryDesk desk = new InMemoryDesk(dir, yaml -> yaml + "limits:\n  new-tickets-per-sender-per-hour: 3\n")) {
            for (int i = 0; i < 3; i++) {
                desk.deliver(MailAs.newMail(JANE, "#mytickets", "please " + i));
            }
            for (int i = 3; i < 6; i++) {
                String raw = MailAs.newMail(JANE, "#mytickets", "please " + i);
                assertThatThrownBy(() -> desk.deliver(raw)).as("quarantined, not answered")
                        .hasMessageContaining("QUARANTINE").hasMessageContaining("3 #mytickets answers in the last hour");
            }

            assertThat(desk.sent(JANE)).hasSize(3);
        }
    }
}
