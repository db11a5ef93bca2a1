package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.guichet.parse.Attachment;
import org.guichet.route.Priority;
import org.guichet.ticket.Status;
import org.guichet.ticket.Ticket;
import org.guichet.ticket.TicketDetail;
import org.guichet.ticket.TicketEvent;
import org.guichet.ticket.TicketMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The administrator acts from the command line (issue 18): each command changes the ticket as the same command
 * by mail would, logs {@code admin:NAME} as the actor, and its notification reaches the mail server once the
 * outbox is delivered; a refused action exits 1 with the reason and changes nothing.
 */
class AdminCommandsIT {
    private static final String JANE = "jane@example.org";
    private static final String ALICE = "alice@helpdesk.test";
    private static final String BOB = "bob@helpdesk.test";

    @RegisterExtension
    final TestHelpdesk.Extension extension = TestHelpdesk.extension();

    private TestHelpdesk desk() {
        return extension.get();
    }

    /** A request by mail, handled and acknowledged: the ticket the administrator then works on. */
    private void request(String from, String subject, String id) throws Exception {
        desk().deliver("From: " + from + "\r\nTo: support@helpdesk.test\r\nSubject: " + subject + "\r\nMessage-ID: <"
                + id + ">\r\n\r\nPlease help.\r\n");
    }

    private Cli.Run cli(String... args) {
        return desk().cli().run(args);
    }

    private Cli.Run ok(String... args) {
        Cli.Run run = cli(args);
        assertThat(run.status()).as(run.err()).isZero();
        return run;
    }

    /** Runs a command that must be refused: exit 1, the reason, and the ticket and the outbox as they were. */
    private Cli.Run refused(long ticket, String... args) {
        TicketDetail before = desk().detail(ticket);
        Cli.Run run = cli(args);
        assertThat(run.status()).as(run.out()).isEqualTo(1);
        assertThat(run.err()).startsWith("guichet: refused: ").hasLineCount(1);
        assertThat(desk().detail(ticket)).isEqualTo(before);
        assertThat(desk().guichet.deliverOutbox()).as("notifications queued by a refused action").isZero();
        return run;
    }

    private List<TicketEvent> eventsBy(long ticket, String actor) {
        return desk().events(ticket).stream().filter(e -> e.actor().equals(actor)).toList();
    }

    /** The text of the mails this address received after the first {@code skip}, once the outbox is delivered. */
    private List<String> newMail(String address, int skip) {
        desk().guichet.deliverOutbox();
        List<MimeMessage> all = desk().received(address);
        return all.subList(Math.min(skip, all.size()), all.size()).stream().map(TestHelpdesk::text).toList();
    }

    @Test
    void assignGivesTheTicketToAnAgentAndTellsRequesterAndAgent() throws Exception {
        request(JANE, "The wifi is down", "a@example.org");
        int janeBefore = desk().received(JANE).size();

        Cli.Run run = ok("assign", "1", ALICE, "--as", "Marie");

        assertThat(run.out()).isEqualTo("Ticket #1 is assigned to alice@helpdesk.test.\n");
        Ticket t = desk().ticket(1);
        assertThat(t.assignee()).contains(ALICE);
        assertThat(t.status()).isEqualTo(Status.ASSIGNED);
        assertThat(eventsBy(1, "admin:Marie")).extracting(TicketEvent::type).containsExactly("assignee", "status");
        assertThat(eventsBy(1, "admin:Marie").get(0).detail()).isEqualTo("assigned by admin:Marie");
        assertThat(newMail(JANE, janeBefore)).singleElement().asString()
                .contains("Your request is now handled by alice@helpdesk.test.");
        assertThat(newMail(ALICE, 0)).anySatisfy(text -> assertThat(text)
                .contains("Ticket #1 of jane@example.org is now handled by alice@helpdesk.test (assigned by Marie)."));
    }

    @Test
    void assigningToSomeoneWhoIsNotAnAgentIsRefused() throws Exception {
        request(JANE, "The wifi is down", "a@example.org");

        Cli.Run run = refused(1, "assign", "1", "mallory@example.org", "--as", "Marie");

        assertThat(run.err()).contains("ticket #1: mallory@example.org is not an agent of any service");
        assertThat(refused(1, "assign", "7", ALICE).err()).contains("no ticket #7");
        assertThat(desk().ticket(1).assignee()).isEmpty();
    }

    @Test
    void statusFollowsTheStatusTableAndTellsTheRequester() throws Exception {
        request(JANE, "The wifi is down", "a@example.org");
        ok("assign", "1", ALICE, "--as", "Marie");
        desk().guichet.deliverOutbox();
        int janeBefore = desk().received(JANE).size();

        Cli.Run run = ok("status", "1", "waiting", "--as", "Marie");

        assertThat(run.out()).isEqualTo("Ticket #1 is now waiting.\n");
        assertThat(desk().ticket(1).status()).isEqualTo(Status.WAITING);
        assertThat(eventsBy(1, "admin:Marie")).filteredOn(e -> e.type().equals("status"))
                .extracting(e -> e.from().orElse("") + "->" + e.to().orElse(""))
                .containsExactly("new->assigned", "assigned->waiting");
        assertThat(newMail(JANE, janeBefore)).singleElement().asString()
                .contains("Marie is waiting for an answer on ticket #1: please reply to this mail.");

        ok("status", "1", "resolved", "--as", "Marie");
        desk().guichet.deliverOutbox();
        assertThat(refused(1, "status", "1", "waiting", "--as", "Marie").err())
                .contains("a resolved ticket cannot become waiting");
        assertThat(refused(1, "status", "1", "cancelled").err()).contains("not cancelled");
        assertThat(desk().ticket(1).status()).isEqualTo(Status.RESOLVED);
    }

    @Test
    void statusAssignedNeedsAnAssigneeAndStatusAloneStillChecksHealth() throws Exception {
        request(JANE, "The wifi is down", "a@example.org");

        assertThat(refused(1, "status", "1", "assigned").err())
                .contains("ticket #1 has no assignee: guichet assign 1 ADDRESS gives it one");
        assertThat(desk().ticket(1).status()).isEqualTo(Status.NEW);
        Cli.Run health = cli("status");
        assertThat(health.out()).contains("database").contains("Tickets: 1 new");
    }

    @Test
    void transferMovesTheTicketToTheOtherServiceWhoseAgentsAreTold() throws Exception {
        request(JANE, "The wifi is down", "a@example.org");
        ok("assign", "1", ALICE, "--as", "Marie");
        desk().guichet.deliverOutbox();
        int bobBefore = desk().received(BOB).size();

        Cli.Run run = ok("transfer", "1", "payroll", "--as", "Marie");

        assertThat(run.out()).isEqualTo("Ticket #1 is now in Payroll (service admin).\n");
        Ticket t = desk().ticket(1);
        assertThat(t.category()).isEqualTo("Payroll");
        assertThat(t.service()).isEqualTo("admin");
        assertThat(t.assignee()).as("alice is no agent of Administration").isEmpty();
        assertThat(t.status()).isEqualTo(Status.NEW);
        assertThat(eventsBy(1, "admin:Marie")).extracting(TicketEvent::type).contains("category");
        assertThat(newMail(BOB, bobBefore)).singleElement().asString()
                .contains("Ticket #1 has been transferred by Marie from Network/Wi-Fi (IT support)")
                .contains("it is now handled by Administration.");

        assertThat(refused(1, "transfer", "1", "Nowhere").err()).contains("no category 'Nowhere'");
    }

    @Test
    void priorityIsChangedAndTheRequesterIsTold() throws Exception {
        request(JANE, "The wifi is down", "a@example.org");
        int janeBefore = desk().received(JANE).size();

        Cli.Run run = ok("priority", "1", "very-high", "--as", "Marie");

        assertThat(run.out()).isEqualTo("Ticket #1 has priority very-high.\n");
        assertThat(desk().ticket(1).priority()).isEqualTo(Priority.VERY_HIGH);
        assertThat(eventsBy(1, "admin:Marie")).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("priority");
            assertThat(e.to()).contains("very-high");
        });
        assertThat(newMail(JANE, janeBefore)).singleElement().asString()
                .contains("Marie has changed the priority of ticket #1: normal -> very high.");

        assertThat(refused(1, "priority", "1", "urgent").err()).contains("unknown priority 'urgent'");
        assertThat(refused(1, "priority", "1", "very-high").err()).contains("the priority is already very-high");
    }

    @Test
    void aNoteIsKeptInternalAndReachesTheAgentsOnly() throws Exception {
        request(JANE, "The wifi is down", "a@example.org");
        int janeBefore = desk().received(JANE).size();
        int aliceBefore = desk().received(ALICE).size();

        Cli.Run run = ok("note", "1", "The", "access", "point", "is", "being", "replaced.", "--as", "Marie");

        assertThat(run.out()).contains("Internal note added to ticket #1");
        TicketMessage note = last(desk().detail(1).messages());
        assertThat(note.text()).isEqualTo("The access point is being replaced.");
        assertThat(note.internal()).isTrue();
        assertThat(eventsBy(1, "admin:Marie")).singleElement().extracting(TicketEvent::type).isEqualTo("note");
        assertThat(newMail(ALICE, aliceBefore)).singleElement().asString()
                .contains("Internal note from Marie on ticket #1 (not sent to the requester):")
                .contains("The access point is being replaced.");
        assertThat(newMail(JANE, janeBefore)).isEmpty();

        assertThat(refused(1, "note", "9", "Nothing").err()).contains("no ticket #9");
    }

    @Test
    void aReplyWithAttachmentsIsStoredAndRelayedToTheRequesterAndObservers() throws Exception {
        desk().deliver("From: jane@example.org\r\nTo: support@helpdesk.test\r\nCc: paul@example.org\r\n"
                + "Subject: The wifi is down\r\nMessage-ID: <a@example.org>\r\n\r\nPlease help.\r\n");
        int janeBefore = desk().received(JANE).size();
        int paulBefore = desk().received("paul@example.org").size();
        Path file = desk().dir.resolve("wifi-howto.txt");
        Files.writeString(file, "SSID: eduroam\n", StandardCharsets.UTF_8);
        Path body = desk().dir.resolve("reply.txt");
        Files.writeString(body, "Hello Jane,\n\nthe guide is attached.\n", StandardCharsets.UTF_8);

        Cli.Run run = ok("reply", "1", "--file", body.toString(), "--attach", file.toString(), "--as", "Marie");

        assertThat(run.out()).contains("Reply added to ticket #1 with 1 attachment(s)");
        TicketMessage reply = last(desk().detail(1).messages());
        assertThat(reply.direction()).isEqualTo(TicketMessage.Direction.OUT);
        assertThat(reply.internal()).isFalse();
        assertThat(reply.text()).isEqualTo("Hello Jane,\n\nthe guide is attached.");
        Attachment kept = reply.attachments().get(0);
        assertThat(kept.name()).isEqualTo("wifi-howto.txt");
        assertThat(desk().guichet.attachmentExport().save(desk().detail(1), Optional.empty(),
                desk().dir.resolve("out"))).singleElement().satisfies(s -> assertThat(Files.readString(s.file()
                        .orElseThrow())).isEqualTo("SSID: eduroam\n"));
        assertThat(eventsBy(1, "admin:Marie")).singleElement().satisfies(e -> assertThat(e.type()).isEqualTo("reply"));

        desk().guichet.deliverOutbox();
        List<MimeMessage> toJane = desk().received(JANE);
        assertThat(toJane).hasSize(janeBefore + 1);
        MimeMessage mail = toJane.get(janeBefore);
        assertThat(TestHelpdesk.text(mail)).contains("the guide is attached.").contains("Marie, Test Helpdesk");
        assertThat(mail.getFrom()[0].toString()).contains("Marie via Test Helpdesk");
        assertThat(fileNames(mail)).containsExactly("wifi-howto.txt");
        assertThat(newMail("paul@example.org", paulBefore)).singleElement().asString().contains("the guide is attached.");
        assertThat(desk().received(ALICE)).noneMatch(m -> TestHelpdesk.text(m).contains("the guide is attached."));

        assertThat(refused(1, "reply", "1", "--text", "x", "--attach", desk().dir.resolve("missing.pdf").toString())
                .err()).contains("missing.pdf: no such readable file");
        assertThat(refused(1, "reply", "1", "--file", desk().dir.resolve("missing.txt").toString()).err())
                .contains("missing.txt: no such file");
        ok("status", "1", "closed");
        desk().guichet.deliverOutbox();
        assertThat(refused(1, "reply", "1", "--text", "Too late").err()).contains("ticket #1 is closed, which is final");
    }

    @Test
    void reassignMovesEveryOpenTicketOfTheAgentWhoLeaves() throws Exception {
        request(JANE, "The wifi is down", "a@example.org");
        request("paul@example.org", "VPN broken", "b@example.org");
        request("anna@example.org", "Printer", "c@example.org");
        ok("assign", "1", ALICE);
        ok("assign", "2", ALICE);
        ok("assign", "3", ALICE);
        ok("status", "3", "closed");
        desk().guichet.deliverOutbox();
        int bobBefore = desk().received(BOB).size();

        assertThat(refused(1, "reassign", "--from", ALICE, "--to", "mallory@example.org").err())
                .contains("mallory@example.org is not an agent of any service");
        Cli.Run run = ok("reassign", "--from", ALICE, "--to", BOB, "--as", "Marie");

        assertThat(run.out()).isEqualTo("Reassigned 2 open ticket(s) to bob@helpdesk.test: #1, #2.\n");
        assertThat(desk().ticket(1).assignee()).contains(BOB);
        assertThat(desk().ticket(2).assignee()).contains(BOB);
        assertThat(desk().ticket(3).assignee()).as("a closed ticket stays as it was").contains(ALICE);
        assertThat(eventsBy(2, "admin:Marie")).singleElement().satisfies(e -> {
            assertThat(e.from()).contains(ALICE);
            assertThat(e.to()).contains(BOB);
        });
        assertThat(newMail(BOB, bobBefore)).hasSize(2).allSatisfy(text -> assertThat(text)
                .contains("is now handled by bob@helpdesk.test (assigned by Marie)."));
        assertThat(ok("reassign", "--from", ALICE, "--to", BOB).out())
                .isEqualTo("No open ticket is assigned to alice@helpdesk.test.\n");
    }

    private static TicketMessage last(List<TicketMessage> messages) {
        return messages.get(messages.size() - 1);
    }

    private static List<String> fileNames(Part part) throws Exception {
        List<String> names = new ArrayList<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                names.addAll(fileNames(multipart.getBodyPart(i)));
            }
        } else if (part.getFileName() != null) {
            names.add(part.getFileName());
        }
        return names;
    }
}
