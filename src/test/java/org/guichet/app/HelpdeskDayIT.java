package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.guichet.ticket.Status;
import org.guichet.ticket.Ticket;
import org.guichet.ticket.TicketEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The helpdesk's day, played by mail from end to end (issue 4): every step checked in the log and the mails out. */
class HelpdeskDayIT {
    static final String JANE = "jane@example.org";
    static final String ALICE = "alice@helpdesk.test";
    static final String BOB = "bob@helpdesk.test";
    static final String COLLEAGUE = "paul@example.org";

    @RegisterExtension
    final TestHelpdesk.Extension helpdesk = TestHelpdesk.extension();

    MimeMessage last(String address) {
        List<MimeMessage> mails = helpdesk.get().received(address);
        assertThat(mails).as("mail received by %s", address).isNotEmpty();
        return mails.get(mails.size() - 1);
    }

    int count(String address) {
        return helpdesk.get().received(address).size();
    }

    TicketEvent lastEvent(long id, String type) {
        List<TicketEvent> events = helpdesk.get().detail(id).events().stream().filter(e -> e.type().equals(type)).toList();
        assertThat(events).as("events of type %s on #%d", type, id).isNotEmpty();
        return events.get(events.size() - 1);
    }

    @Test
    void aDayAtTheHelpdesk() throws Exception {
        // a requester opens a ticket, with a colleague in Cc
        helpdesk.get().deliver(MailAs.newMail("Jane Doe <" + JANE + ">", "Wi-Fi drops every hour",
                "Since Monday the Wi-Fi in building B drops every hour.", "Cc: Paul <" + COLLEAGUE + ">"));
        assertThat(helpdesk.get().ticket(1).status()).isEqualTo(Status.NEW);
        assertThat(helpdesk.get().ticket(1).observers()).containsExactly(COLLEAGUE);
        assertThat(last(JANE).getSubject()).isEqualTo("[Helpdesk #1] Wi-Fi drops every hour");
        MimeMessage opened = last(ALICE);
        assertThat(TestHelpdesk.text(opened)).contains("New ticket #1", "Since Monday");
        assertThat(count(BOB)).as("bob is not in the IT service").isZero();

        // alice takes it in charge, replying to her notification
        helpdesk.get().deliver(MailAs.reply(opened, "Alice Martin <" + ALICE + ">", "#take"));
        assertThat(helpdesk.get().ticket(1).assignee()).contains(ALICE);
        assertThat(helpdesk.get().ticket(1).status()).isEqualTo(Status.ASSIGNED);
        assertThat(TestHelpdesk.text(last(JANE))).contains("Alice Martin has taken your request in charge");
        assertThat(TestHelpdesk.text(last(COLLEAGUE))).contains("Alice Martin has taken ticket #1");
        assertThat(lastEvent(1, "assignee").to()).contains(ALICE);

        // alice invites bob: the requester and bob are told
        int janeBefore = count(JANE);
        int colleagueBefore = count(COLLEAGUE);
        helpdesk.get().deliver(MailAs.reply(opened, "Alice Martin <" + ALICE + ">",
                "#invite bob@helpdesk.test\n#internal\n\nBob, payroll knows this one."));
        assertThat(helpdesk.get().ticket(1).observers()).containsExactlyInAnyOrder(COLLEAGUE, BOB);
        assertThat(count(JANE)).as("the requester is told of the invitation, not of the internal note")
                .isEqualTo(janeBefore + 1);
        assertThat(TestHelpdesk.text(last(JANE))).contains("has asked bob@helpdesk.test to help");
        List<String> bobs = helpdesk.get().received(BOB).stream().map(TestHelpdesk::text).toList();
        assertThat(bobs).anySatisfy(t -> assertThat(t).contains("has asked bob@helpdesk.test to help"));
        assertThat(bobs).anySatisfy(t -> assertThat(t).contains("Internal note", "payroll knows this one"));
        assertThat(count(COLLEAGUE)).as("a Cc observer is not an agent: no internal note").isEqualTo(colleagueBefore);
        assertThat(helpdesk.get().detail(1).messages().get(helpdesk.get().detail(1).messages().size() - 1).internal()).isTrue();

        // alice transfers it to Payroll: the admin service's agents are told
        String before = helpdesk.get().ticket(1).categoryPath();
        helpdesk.get().deliver(MailAs.reply(opened, "Alice Martin <" + ALICE + ">", "#transfer payroll"));
        assertThat(helpdesk.get().ticket(1).category()).isEqualTo("Payroll");
        assertThat(helpdesk.get().ticket(1).service()).isEqualTo("admin");
        assertThat(TestHelpdesk.text(last(BOB))).contains("transferred by Alice Martin", "Administration");
        assertThat(TestHelpdesk.text(last(JANE))).contains("transferred by Alice Martin");
        assertThat(lastEvent(1, "category").from()).contains(before);
        assertThat(lastEvent(1, "category").to()).contains("Payroll");

        // bob answers: the requester and the observers read it, from "Bob via the helpdesk"
        MimeMessage bobsCopy = last(BOB);
        helpdesk.get().deliver(MailAs.reply(bobsCopy, "Bob Durand <" + BOB + ">", "Please restart the access point in room B12."));
        MimeMessage answer = last(JANE);
        assertThat(TestHelpdesk.text(answer)).contains("Please restart the access point");
        assertThat(answer.getFrom()[0].toString()).isEqualTo("Bob Durand via Test Helpdesk <support@helpdesk.test>");
        assertThat(TestHelpdesk.text(last(COLLEAGUE))).contains("Please restart the access point");
        assertThat(helpdesk.get().ticket(1).firstResponse()).isPresent();
        var bobsMessage = helpdesk.get().detail(1).messages().get(helpdesk.get().detail(1).messages().size() - 1);
        assertThat(bobsMessage.direction()).as("an agent's answer goes out").isEqualTo(org.guichet.ticket.TicketMessage.Direction.OUT);
        assertThat(bobsMessage.from().address()).isEqualTo(BOB);

        // alice resolves it
        helpdesk.get().deliver(MailAs.reply(opened, "Alice Martin <" + ALICE + ">", "#resolve"));
        assertThat(helpdesk.get().ticket(1).status()).isEqualTo(Status.RESOLVED);
        assertThat(TestHelpdesk.text(last(JANE))).contains("marked ticket #1 as resolved");

        // the requester answers "still broken": the ticket reopens
        helpdesk.get().deliver(MailAs.reply(last(JANE), "Jane Doe <" + JANE + ">", "Still broken this morning."));
        assertThat(helpdesk.get().ticket(1).status()).isEqualTo(Status.ASSIGNED);
        assertThat(lastEvent(1, "reopened").from()).contains("resolved");
        assertThat(TestHelpdesk.text(last(BOB))).contains("Still broken this morning");

        // a requester cancels another ticket
        helpdesk.get().deliver(MailAs.newMail(JANE, "Projector in room 12", "It shows no picture."));
        helpdesk.get().deliver(MailAs.reply(last(JANE), JANE, "#cancel\n\nSorry, it was the cable."));
        assertThat(helpdesk.get().ticket(2).status()).isEqualTo(Status.CANCELLED);
        assertThat(helpdesk.get().ticket(2).closed()).isPresent();

        // a stranger naming ticket 1 opens ticket 3 and changes nothing on ticket 1
        int messagesOfOne = helpdesk.get().detail(1).messages().size();
        Ticket oneBefore = helpdesk.get().ticket(1);
        helpdesk.get().deliver(MailAs.newMail("mallory@example.net", "Re: [Helpdesk #1] Wi-Fi drops every hour", "#take\n\nGive me the details."));
        assertThat(helpdesk.get().ticket(3).requester().address()).isEqualTo("mallory@example.net");
        assertThat(helpdesk.get().ticket(3).linkedTicket()).contains(1L);
        assertThat(helpdesk.get().detail(1).messages()).hasSize(messagesOfOne);
        assertThat(helpdesk.get().ticket(1)).isEqualTo(oneBefore);
        assertThat(TestHelpdesk.text(last("mallory@example.net"))).contains("#take", "for agents only");

        // #mytickets answers with the sender's tickets only
        helpdesk.get().deliver(MailAs.newMail(JANE, "#mytickets", ""));
        String list = TestHelpdesk.text(last(JANE));
        assertThat(list).contains("#1", "Wi-Fi drops every hour", "#2", "Projector in room 12")
                .doesNotContain("#3");
        List<org.guichet.ticket.TicketSummary> all = helpdesk.get().guichet.tickets()
                .inTransaction(tx -> tx.list(org.guichet.ticket.TicketFilter.all()));
        assertThat(all).hasSize(3);
    }
}
