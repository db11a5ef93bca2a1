package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.guichet.ticket.Actor;
import org.guichet.ticket.AdminRefusal;
import org.guichet.ticket.Administration;
import org.guichet.ticket.Status;
import org.guichet.ticket.TicketDetail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The administrator's actions on the domain, without a mail server: the rules an agent's mail commands follow. */
class AdministrationTest {
    private InMemoryDesk desk;
    private Administration admin;
    private final Actor marie = Administration.actor("Marie Dupont");

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        desk = new InMemoryDesk(dir, UnaryOperator.identity());
        admin = desk.guichet.administration();
        desk.deliver("From: jane@example.org\nTo: support@helpdesk.test\nSubject: The wifi is down\n"
                + "Message-ID: <a@example.org>\n\nPlease help.\n");
    }

    @AfterEach
    void stop() {
        desk.close();
    }

    @Test
    void theAdministratorIsNamedInTheEventLogAndTheMails() {
        admin.priority(1, "high", marie);

        assertThat(desk.detail(1).events()).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("admin:Marie Dupont");
            assertThat(e.type()).isEqualTo("priority");
        });
        assertThat(desk.sent("jane@example.org")).anySatisfy(m -> assertThat(m.text())
                .contains("Marie Dupont has changed the priority of ticket #1: normal -> high."));
    }

    @Test
    void aNameThatCouldForgeALogLineOrAHeaderIsRefused() {
        assertThatThrownBy(() -> Administration.actor("marie\nadmin:root")).isInstanceOf(AdminRefusal.class)
                .hasMessageContaining("is not a name");
        assertThatThrownBy(() -> Administration.actor("")).isInstanceOf(AdminRefusal.class);
        assertThatThrownBy(() -> Administration.actor("x".repeat(65))).isInstanceOf(AdminRefusal.class);
        assertThat(Administration.actor("  o'Neil   Smith ").address()).isEqualTo("admin:o'Neil Smith");
    }

    @Test
    void onlyTheRequesterCancelsAndAFinalTicketStaysFinal() {
        assertRefused(() -> admin.status(1, "cancelled", marie), "not cancelled");
        admin.assign(1, "alice@helpdesk.test", marie);
        admin.status(1, "closed", marie);

        assertThat(desk.detail(1).summary().ticket().status()).isEqualTo(Status.CLOSED);
        assertRefused(() -> admin.status(1, "assigned", marie), "ticket #1 is closed, which is final");
        assertRefused(() -> admin.note(1, "late", marie), "ticket #1 is closed, which is final");
    }

    @Test
    void aReplyCountsAsTheFirstResponseAndKeepsTheStatus() {
        admin.reply(1, "We are on it.", List.of(), marie);

        var ticket = desk.detail(1).summary().ticket();
        assertThat(ticket.firstResponse()).isPresent();
        assertThat(ticket.status()).isEqualTo(Status.NEW);
        assertRefused(() -> admin.reply(1, "   ", List.of(), marie), "the message is empty");
    }

    @Test
    void reassignKeepsEachTicketsStatusAndMovesNothingWhenRefused() throws Exception {
        desk.deliver("From: paul@example.org\nTo: support@helpdesk.test\nSubject: VPN broken\n"
                + "Message-ID: <b@example.org>\n\nHelp.\n");
        admin.assign(1, "alice@helpdesk.test", marie);
        admin.assign(2, "alice@helpdesk.test", marie);
        admin.status(2, "waiting", marie);

        assertRefused(() -> admin.reassign("alice@helpdesk.test", "Alice@Helpdesk.test", marie),
                "--from and --to are the same agent");
        assertThat(admin.reassign("ALICE@helpdesk.test", "bob@helpdesk.test", marie)).containsExactly(1L, 2L);

        assertThat(desk.detail(1).summary().ticket().status()).isEqualTo(Status.ASSIGNED);
        assertThat(desk.detail(2).summary().ticket().status()).isEqualTo(Status.WAITING);
        assertThat(desk.detail(2).summary().ticket().assignee()).contains("bob@helpdesk.test");
    }

    private void assertRefused(Runnable action, String why) {
        TicketDetail before = desk.detail(1);
        assertThatThrownBy(action::run).isInstanceOf(AdminRefusal.class).hasMessageContaining(why);
        assertThat(desk.detail(1)).isEqualTo(before);
    }
}
