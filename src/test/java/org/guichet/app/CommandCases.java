package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.guichet.ticket.Status;
import org.guichet.ticket.Ticket;
import org.guichet.ticket.TicketEvent;

/**
 * Every command of SPEC section 6, in English and French, and the refused ones: each on a ticket of its own,
 * checked in the ticket's state, its event log, and the mails that went out to whom. {@link CommandsTest} runs
 * them all on the domain; {@link CommandsIT} runs a few through a real mail server.
 */
final class CommandCases {
    static final String JANE = "jane@example.org";
    static final String ALICE = "alice@helpdesk.test";
    static final String BOB = "bob@helpdesk.test";
    static final String PAUL = "paul@example.org";
    static final List<String> PEOPLE = List.of(JANE, ALICE, BOB, PAUL);
    /**
     * One requester opens a ticket per case: more than the default hourly cap of new tickets, and more mails to her
     * in an hour than the default ceiling before notifications wait for a digest.
     */
    static final String CONFIG = "limits:\n  new-tickets-per-sender-per-hour: 1000\n"
            + "  notifications-per-recipient-per-hour: 1000\n";

    private CommandCases() {
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

    static Stream<Case> all() {
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
                c("#resolve twice", Setup.RESOLVED, ALICE, "#resolve", Status.RESOLVED, "command-refused", null, Set.of(ALICE), "already resolved"));
    }

    static Case c(String name, Setup setup, String from, String body, Status status, String eventType, String eventTo,
            Set<String> told, String toldText) {
        return new Case(name, setup, from, body, status, eventType, eventTo, told, toldText);
    }

    /** Runs one case on a desk: the ticket's status, the event it logged, and who was told what. */
    static void check(Desk desk, Case c) throws Exception {
        long id = prepare(desk, c.setup());
        Map<String, Integer> before = counts(desk);
        int eventsBefore = desk.detail(id).events().size();

        command(desk, id, c.from(), c.body());

        Ticket after = desk.detail(id).summary().ticket();
        assertThat(after.status()).isEqualTo(c.status());
        List<TicketEvent> events = desk.detail(id).events().subList(eventsBefore, desk.detail(id).events().size());
        assertThat(events).extracting(TicketEvent::type).contains(c.eventType());
        if (c.eventTo() != null) {
            TicketEvent change = events.stream().filter(e -> e.type().equals(c.eventType())).findFirst().orElseThrow();
            assertThat(change.to()).contains(c.eventTo());
            assertThat(change.actor()).isEqualTo(c.from());
        }
        Map<String, Integer> after2 = counts(desk);
        for (String person : PEOPLE) {
            int got = after2.get(person) - before.get(person);
            assertThat(got > 0).as("%s told of %s", person, c.name()).isEqualTo(c.told().contains(person));
            if (got > 0 && c.toldText() != null) {
                List<Desk.Sent> all = desk.sent(person);
                assertThat(all.subList(all.size() - got, all.size())).as("mail to %s", person)
                        .anySatisfy(sent -> assertThat(sent.text()).contains(c.toldText()));
            }
        }
    }

    private static long prepare(Desk desk, Setup setup) throws Exception {
        String cc = setup == Setup.WITH_OBSERVER_PAUL ? "Cc: " + PAUL : "X-Nothing: 1";
        long id = open(desk, MailAs.newMail(JANE, "Printer in room 12", "It prints blank pages.", cc));
        switch (setup) {
            case ASSIGNED_TO_ALICE -> command(desk, id, ALICE, "#take");
            case ASSIGNED_TO_BOB -> command(desk, id, ALICE, "#assign bob@helpdesk.test");
            case RESOLVED -> {
                command(desk, id, ALICE, "#take");
                command(desk, id, ALICE, "#resolve");
            }
            default -> { }
        }
        return id;
    }

    /** Jane opens a ticket with this mail; its number, read in her acknowledgement. */
    static long open(Desk desk, String raw) throws Exception {
        desk.deliver(raw);
        List<Desk.Sent> acks = desk.sent(JANE);
        return Long.parseLong(acks.get(acks.size() - 1).subject().replaceAll("\\D*#(\\d+)].*", "$1"));
    }

    /**
     * {@code from} writes on the ticket as people act on it: in reply to their latest notification about it, to
     * its reply address, which is theirs alone and proves who they are (SPEC section 6). Someone who was never
     * told of the ticket writes to the support address with its tag in the subject.
     */
    static void command(Desk desk, long id, String from, String body) throws Exception {
        String subject = "Re: [Helpdesk #" + id + "] Printer in room 12";
        desk.deliver(MailAs.newMailTo(replyAddress(desk, id, from), from, subject, body));
    }

    /** A mail from {@code from} on ticket {@code id}, to the reply address of their latest notification about it. */
    static String asTold(Desk desk, long id, String from, String subject, String body) {
        return MailAs.newMailTo(replyAddress(desk, id, from), from, subject, body);
    }

    /** The reply address of {@code person}'s latest notification about ticket {@code id}, or the support address. */
    static String replyAddress(Desk desk, long id, String person) {
        return desk.sent(person).stream().filter(s -> s.subject().contains("#" + id + "]"))
                .map(Desk.Sent::replyTo).filter(r -> !r.isEmpty()).reduce((first, last) -> last)
                .orElse(TestHelpdesk.SUPPORT);
    }

    private static Map<String, Integer> counts(Desk desk) {
        Map<String, Integer> counts = new HashMap<>();
        PEOPLE.forEach(p -> counts.put(p, desk.sent(p).size()));
        return counts;
    }
}
