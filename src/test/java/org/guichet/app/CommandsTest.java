package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.guichet.ticket.Status;
import org.guichet.ticket.TicketDetail;
import org.guichet.ticket.TicketEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every command case of {@link CommandCases} on the domain: real parsing, routing and H2, no mail server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandsTest {
    InMemoryDesk desk;

    @BeforeAll
    void start(@TempDir Path dir) {
        desk = new InMemoryDesk(dir, yaml -> yaml + CommandCases.CONFIG);
    }

    @AfterAll
    void stop() {
        desk.close();
    }

    static Stream<CommandCases.Case> cases() {
        return CommandCases.all();
    }

    @Test
    void aBlankLineBetweenTwoCommandsRunsBoth() throws Exception {
        long id = CommandCases.open(desk, MailAs.newMail(CommandCases.JANE, "Toner empty", "The printer has no toner."));

        desk.deliver(MailAs.newMailTo(CommandCases.replyAddress(desk, id, CommandCases.ALICE), CommandCases.ALICE,
                "Re: [Helpdesk #" + id + "] Toner empty",
                "#take\n\n#resolve\nI replaced the toner."));

        TicketDetail detail = desk.detail(id);
        assertThat(detail.summary().ticket().status()).isEqualTo(Status.RESOLVED);
        assertThat(detail.summary().ticket().assignee()).contains(CommandCases.ALICE);
        assertThat(detail.events()).extracting(TicketEvent::type).doesNotContain("command-refused");
        assertThat(detail.messages().get(detail.messages().size() - 1).text().strip()).isEqualTo("I replaced the toner.");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void command(CommandCases.Case c) throws Exception {
        CommandCases.check(desk, c);
    }
}
