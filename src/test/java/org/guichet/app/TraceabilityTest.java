package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.guichet.ticket.Ticket;
import org.guichet.ticket.TicketEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14 on the domain: every change in the log with actor, old and new value; reopenings that mean it. */
class TraceabilityTest {
    static final String JANE = "jane@example.org";
    static final String ALICE = "alice@helpdesk.test";

    @TempDir
    Path dir;

    private static void mail(Desk desk, String from, long id, String body) throws Exception {
        desk.deliver(CommandCases.asTold(desk, id, from, "Re: [Helpdesk #" + id + "] Printer", body));
    }

    private static List<TicketEvent> events(Desk desk, long id, String type) {
        return desk.detail(id).events().stream().filter(e -> e.type().equals(type)).toList();
    }

    @Test
    void statusAssignedAndTransferWriteTheirSilentChanges() throws Exception {
        try (InMemoryDesk desk = new InMemoryDesk(dir, yaml -> yaml)) {
            long id = CommandCases.open(desk, MailAs.newMail(JANE, "Printer", "Blank pages."));
            mail(desk, ALICE, id, "#status assigned");
            assertThat(events(desk, id, "assignee")).singleElement().satisfies(e -> {
                assertThat(e.actor()).isEqualTo(ALICE);
                assertThat(e.from()).isEmpty();
                assertThat(e.to()).contains(ALICE);
            });

            mail(desk, ALICE, id, "#transfer Payroll");
            assertThat(events(desk, id, "status")).anySatisfy(e -> {
                assertThat(e.actor()).isEqualTo(ALICE);
                assertThat(e.from()).contains("assigned");
                assertThat(e.to()).contains("new");
            });
        }
    }

    @Test
    void anAnswerToAWaitingTicketIsNoReopeningAndReopeningClearsTheResolvedTime() throws Exception {
        try (InMemoryDesk desk = new InMemoryDesk(dir, yaml -> yaml)) {
            long id = CommandCases.open(desk, MailAs.newMail(JANE, "Printer", "Blank pages."));
            mail(desk, ALICE, id, "#take\n#wait\nWhich room?");
            mail(desk, JANE, id, "Room 12.");
            assertThat(events(desk, id, "reopened")).isEmpty();
            assertThat(events(desk, id, "status")).last().satisfies(e -> {
                assertThat(e.from()).contains("waiting");
                assertThat(e.to()).contains("assigned");
                assertThat(e.detail()).contains("the requester answered");
            });

            mail(desk, ALICE, id, "#resolve\nNew toner.");
            assertThat(desk.detail(id).summary().ticket().resolved()).isPresent();
            mail(desk, JANE, id, "Still blank.");
            Ticket reopened = desk.detail(id).summary().ticket();
            assertThat(events(desk, id, "reopened")).hasSize(1);
            assertThat(reopened.resolved()).isEmpty();
            assertThat(reopened.closed()).isEmpty();
        }
    }
}
