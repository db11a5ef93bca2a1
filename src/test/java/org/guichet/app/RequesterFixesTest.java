package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.app.CommandCases.ALICE;
import static org.guichet.app.CommandCases.BOB;
import static org.guichet.app.CommandCases.JANE;
import static org.guichet.app.CommandCases.c;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.guichet.app.CommandCases.Setup;
import org.guichet.ticket.Status;
import org.guichet.ticket.Ticket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code #subject} and {@code #category}: the requester fixes a request nobody has taken yet. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequesterFixesTest {
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
        return Stream.of(
                c("#subject", Setup.NEW, JANE, "#subject Printer in room 12 prints blank pages", Status.NEW, "subject",
                        "Printer in room 12 prints blank pages", Set.of(ALICE), "has changed the subject"),
                c("#objet", Setup.NEW, JANE, "#objet Imprimante salle 12", Status.NEW, "subject",
                        "Imprimante salle 12", Set.of(ALICE), "Now:    Imprimante salle 12"),
                c("#category", Setup.NEW, JANE, "#category Payroll", Status.NEW, "category", "Payroll",
                        Set.of(BOB), "transferred by"),
                c("#catégorie", Setup.NEW, JANE, "#catégorie network/wi-fi", Status.NEW, "category",
                        "Network/Wi-Fi", Set.of(ALICE), "transferred by"),
                c("#subject once taken", Setup.ASSIGNED_TO_ALICE, JANE, "#subject Something else", Status.ASSIGNED,
                        "command-refused", null, Set.of(JANE), "alice@helpdesk.test has it now"),
                c("#category once taken", Setup.ASSIGNED_TO_ALICE, JANE, "#category Payroll", Status.ASSIGNED,
                        "command-refused", null, Set.of(JANE), "only works while nobody has taken the ticket"),
                c("#category by an agent", Setup.NEW, ALICE, "#category Payroll", Status.NEW, "command-refused", null,
                        Set.of(ALICE), "for the ticket's requester only"),
                c("#category nowhere", Setup.NEW, JANE, "#category Nowhere", Status.NEW, "command-refused", null,
                        Set.of(JANE), "no category 'Nowhere'"),
                c("#subject without text", Setup.NEW, JANE, "#subject", Status.NEW, "command-refused", null,
                        Set.of(JANE), "#subject needs the new subject"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void command(CommandCases.Case c) throws Exception {
        CommandCases.check(desk, c);
    }

    @Test
    void theCategoryChangesTheServiceAndTheSubjectKeepsItsThread() throws Exception {
        long id = CommandCases.open(desk, MailAs.newMail(JANE, "Question", "About my November payslip."));

        desk.deliver(CommandCases.asTold(desk, id, JANE, "Re: [Helpdesk #" + id + "] Question",
                "#objet Missing November payslip\n#categorie Payroll\nThanks."));

        Ticket t = desk.detail(id).summary().ticket();
        assertThat(t.subject()).isEqualTo("Missing November payslip");
        assertThat(t.categoryPath()).isEqualTo("Payroll");
        assertThat(t.service()).isEqualTo("admin");
        assertThat(desk.sent(BOB)).last().satisfies(m -> assertThat(m.subject())
                .isEqualTo("[Helpdesk #" + id + "] Missing November payslip"));
    }
}
