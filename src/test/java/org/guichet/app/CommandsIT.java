package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.guichet.ticket.Status;
import org.guichet.ticket.Ticket;
import org.guichet.ticket.TicketDetail;
import org.guichet.ticket.TicketEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command of SPEC section 6, in English and French, and the refused ones: each on a ticket of its own,
 * checked in the ticket's state, its event log, and the mails that went out to whom.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandsIT {
    static final String JANE = "jane@example.org";
    static final String ALICE = "alice@helpdesk.test";
    static final String BOB = "bob@helpdesk.test";
    static final String PAUL = "paul@example.org";
    static final List<String> PEOPLE = List.of(JANE, ALICE, BOB, PAUL);

    TestHelpdesk helpdesk;

    @BeforeAll
    void start(@TempDir Path dir) {
        // one requester opens a ticket per case: more than the default hourly cap of new tickets
        helpdesk = TestHelpdesk.start(dir, yaml -> yaml + "limits:\n  new-tickets-per-sender-per-hour: 1000\n",
                java.time.Clock.systemUTC());
    }

    @AfterAll
    void stop() {
        helpdesk.close();
    }

    /** Where the ticket stands before the command under test. */
    enum Setup {
        NEW, ASSIGNED_TO_ALICE, ASSIGNED_TO_BOB, RESOLVED, WITH_OBSERVER_PAUL
    }

    record Case(String name, Setup setup, String from, String body, Status status, String eventType, String eventTo,
            Set<String> told, String toldText) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                c("#take", Setup.NEW, ALICE, "#take", Status.ASSIGNED, "assignee", ALICE, Set.of(JANE), "has taken your request in charge"),
                c("#prendre", Setup.NEW, ALICE, "#prendre", Status.ASSIGNED, "assignee", ALICE, Set.of(JANE), "has taken your request in charge"),
                c("#assign", Setup.NEW, ALICE, "#assign bob@helpdesk.test", Status.ASSIGNED, "assignee", BOB, Set.of(JANE, BOB), "handled by bob@helpdesk.test"),
                c("#assigner", Setup.NEW, ALICE, "#assigner Bob@Helpdesk.test", Status.ASSIGNED, "assignee", BOB, Set.of(JANE, BOB), "handled by bob@helpdesk.test"),
                c("#invite", Setup.NEW, ALICE, "#invite paul@example.org", Status.NEW, "observer-added", PAUL, Set.of(JANE, PAUL), "asked paul@example.org to help"),
                c("#inviter", Setup.NEW, ALICE, "#inviter paul@example.org", Status.NEW, "observer-added", PAUL, Set.of(JANE, PAUL), "asked paul@example.org to help"),
                c("#uninvite", Setup.WITH_OBSERVER_PAUL, ALICE, "#uninvite paul@example.org", Status.NEW, "observer-removed", null, Set.of(JANE, PAUL), "no longer follows"),
                c("#désinviter", Setup.WITH_OBSERVER_PAUL, ALICE, "#désinviter paul@example.org", Status.NEW, "observer-removed", null, Set.of(JANE, PAUL), "no longer follows"),
                c("#status waiting", Setup.ASSIGNED_TO_ALICE, ALICE, "#status waiting", Status.WAITING, "status", "waiting", Set.of(JANE), "waiting for an answer"),
                c("#statut en attente", Setup.ASSIGNED_TO_ALICE, ALICE, "#statut en attente", Status.WAITING, "status", "waiting", Set.of(JANE), "waiting for an answer"),
                c("#wait", Setup.ASSIGNED_TO_ALICE, ALICE, "#wait", Status.WAITING, "status", "waiting", Set.of(JANE), "waiting for an answer"),
                c("#resolve", Setup.ASSIGNED_TO_ALICE, ALICE, "#resolve", Status.RESOLVED, "status", "resolved", Set.of(JANE), "as resolved"),
                c("#résoudre", Setup.ASSIGNED_TO_ALICE, ALICE, "#résoudre", Status.RESOLVED, "status", "resolved", Set.of(JANE), "as resolved"),
                c("#statut résolu", Setup.ASSIGNED_TO_BOB, ALICE, "#statut résolu", Status.RESOLVED, "status", "resolved", Set.of(JANE, BOB), "as resolved"),
                c("#status closed", Setup.ASSIGNED_TO_ALICE, ALICE, "#status closed", Status.CLOSED, "status", "closed", Set.of(JANE), "is now closed"),
                c("#status assigned reopens", Setup.RESOLVED, ALICE, "#status assigned", Status.ASSIGNED, "status", "assigned", Set.of(JANE), "is now assigned"),
                c("#priority by an agent", Setup.ASSIGNED_TO_BOB, ALICE, "#priority high", Status.ASSIGNED, "priority", "high", Set.of(JANE, BOB), "normal -> high"),
                c("#priorité by the requester", Setup.ASSIGNED_TO_ALICE, JANE, "#priorité très élevée", Status.ASSIGNED, "priority", "very-high", Set.of(ALICE), "normal -> very high"),
                c("#transfer", Setup.NEW, ALICE, "#transfer Payroll", Status.NEW, "category", "Payroll", Set.of(JANE, BOB), "transferred by"),
                c("#transférer", Setup.NEW, ALICE, "#transférer network/wi-fi", Status.NEW, "category", "Network/Wi-Fi", Set.of(JANE), "transferred by"),
                c("#internal", Setup.ASSIGNED_TO_BOB, ALICE, "#internal\n\nThe router is old.", Status.ASSIGNED, "note", null, Set.of(BOB), "Internal note"),
                c("#interne", Setup.ASSIGNED_TO_BOB, ALICE, "#interne\n\nLe routeur est vieux.", Status.ASSIGNED, "note", null, Set.of(BOB), "Internal note"),
                c("#close by the requester", Setup.RESOLVED, JANE, "#close", Status.CLOSED, "status", "closed", Set.of(ALICE), "is now closed"),
                c("#clore", Setup.RESOLVED, JANE, "#clore", Status.CLOSED, "status", "closed", Set.of(ALICE), "is now closed"),
                c("#cancel", Setup.ASSIGNED_TO_ALICE, JANE, "#cancel", Status.CANCELLED, "status", "cancelled", Set.of(ALICE), "cancelled by"),
                c("#annuler", Setup.NEW, JANE, "#annuler", Status.CANCELLED, "status", "cancelled", Set.of(), null),
                // refused: the ticket does not change, the sender is told the line and the reason
                c("a requester's #take", Setup.NEW, JANE, "#take", Status.NEW, "command-refused", null, Set.of(JANE), "for agents only"),
                c("an agent's #close", Setup.RESOLVED, ALICE, "#close", Status.RESOLVED, "command-refused", null, Set.of(ALICE), "for the ticket's requester only"),
                c("an observer's #cancel", Setup.WITH_OBSERVER_PAUL, PAUL, "#cancel", Status.NEW, "command-refused", null, Set.of(PAUL), "for the ticket's requester only"),
                c("#close before resolution", Setup.ASSIGNED_TO_ALICE, JANE, "#close", Status.ASSIGNED, "command-refused", null, Set.of(JANE), "only a resolved ticket can be closed"),
                c("#cancel after resolution", Setup.RESOLVED, JANE, "#cancel", Status.RESOLVED, "command-refused", null, Set.of(JANE), "#close confirms it"),
                c("#status sleeping", Setup.ASSIGNED_TO_ALICE, ALICE, "#status sleeping", Status.ASSIGNED, "command-refused", null, Set.of(ALICE), "unknown status 'sleeping'"),
                c("#status new", Setup.ASSIGNED_TO_ALICE, ALICE, "#status new", Status.ASSIGNED, "command-refused", null, Set.of(ALICE), "#status takes assigned, waiting, resolved or closed"),
                c("#assign to a stranger", Setup.NEW, ALICE, "#assign paul@example.org", Status.NEW, "command-refused", null, Set.of(ALICE), "is not an agent"),
                c("#priority extreme", Setup.NEW, ALICE, "#priority extreme", Status.NEW, "command-refused", null, Set.of(ALICE), "unknown priority 'extreme'"),
                c("#transfer nowhere", Setup.NEW, ALICE, "#transfer Nowhere", Status.NEW, "command-refused", null, Set.of(ALICE), "no category 'Nowhere'"),
                c("#take now", Setup.NEW, ALICE, "#take now", Status.NEW, "command-refused", null, Set.of(ALICE), "takes no argument"),
                c("#frobnicate", Setup.NEW, ALICE, "#frobnicate", Status.NEW, "command-refused", null, Set.of(ALICE), "unknown command"),
                c("#resolve twice", Setup.RESOLVED, ALICE, "#resolve", Status.RESOLVED, "command-refused", null, Set.of(ALICE), "already resolved"))
                .map(Arguments::of);
    }

    static Case c(String name, Setup setup, String from, String body, Status status, String eventType, String eventTo,
            Set<String> told, String toldText) {
        return new Case(name, setup, from, body, status, eventType, eventTo, told, toldText);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void command(Case c) throws Exception {
        long id = prepare(c.setup());
        Map<String, Integer> before = counts();
        int eventsBefore = detail(id).events().size();

        deliver(MailAs.newMail(c.from(), "Re: [Helpdesk #" + id + "] Printer in room 12", c.body()));

        Ticket after = detail(id).summary().ticket();
        assertThat(after.status()).isEqualTo(c.status());
        List<TicketEvent> events = detail(id).events().subList(eventsBefore, detail(id).events().size());
        assertThat(events).extracting(TicketEvent::type).contains(c.eventType());
        if (c.eventTo() != null) {
            TicketEvent change = events.stream().filter(e -> e.type().equals(c.eventType())).findFirst().orElseThrow();
            assertThat(change.to()).contains(c.eventTo());
            assertThat(change.actor()).isEqualTo(c.from());
        }
        Map<String, Integer> after2 = counts();
        for (String person : PEOPLE) {
            int got = after2.get(person) - before.get(person);
            assertThat(got > 0).as("%s told of %s", person, c.name()).isEqualTo(c.told().contains(person));
            if (got > 0 && c.toldText() != null) {
                assertThat(newMails(person, got)).as("mail to %s", person)
                        .anySatisfy(text -> assertThat(text).contains(c.toldText()));
            }
        }
    }

    private long prepare(Setup setup) throws Exception {
        String cc = setup == Setup.WITH_OBSERVER_PAUL ? "Cc: " + PAUL : "X-Nothing: 1";
        deliver(MailAs.newMail(JANE, "Printer in room 12", "It prints blank pages.", cc));
        MimeMessage ack = last(JANE);
        long id = Long.parseLong(ack.getSubject().replaceAll("\\D*#(\\d+)].*", "$1"));
        switch (setup) {
            case ASSIGNED_TO_ALICE -> command(id, ALICE, "#take");
            case ASSIGNED_TO_BOB -> command(id, ALICE, "#assign bob@helpdesk.test");
            case RESOLVED -> {
                command(id, ALICE, "#take");
                command(id, ALICE, "#resolve");
            }
            default -> { }
        }
        return id;
    }

    private void command(long id, String from, String body) throws Exception {
        deliver(MailAs.newMail(from, "Re: [Helpdesk #" + id + "] Printer in room 12", body));
    }

    private void deliver(String raw) throws Exception {
        helpdesk.send(raw);
        helpdesk.runOnce();
    }

    private TicketDetail detail(long id) {
        return helpdesk.guichet.tickets().inTransaction(tx -> tx.detail(id)).orElseThrow();
    }

    private Map<String, Integer> counts() {
        Map<String, Integer> counts = new HashMap<>();
        PEOPLE.forEach(p -> counts.put(p, helpdesk.received(p).size()));
        return counts;
    }

    private List<String> newMails(String person, int howMany) {
        List<MimeMessage> all = helpdesk.received(person);
        return all.subList(all.size() - howMany, all.size()).stream().map(TestHelpdesk::text).toList();
    }

    private MimeMessage last(String address) {
        List<MimeMessage> mails = helpdesk.received(address);
        return mails.get(mails.size() - 1);
    }
}
