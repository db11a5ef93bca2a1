package org.guichet.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandParserTest {
    private final CommandParser parser = new CommandParser();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "#take|TAKE", "#prendre|TAKE", "#Prendre|TAKE", "#assign bob@helpdesk.test|ASSIGN",
        "#assigner bob@helpdesk.test|ASSIGN", "#invite paul@example.org|INVITE", "#inviter paul@example.org|INVITE",
        "#uninvite paul@example.org|UNINVITE", "#désinviter paul@example.org|UNINVITE", "#status waiting|STATUS",
        "#statut en attente|STATUS", "#wait|WAIT", "#resolve|RESOLVE", "#résoudre|RESOLVE",
        "#priority high|PRIORITY", "#priorité très élevée|PRIORITY", "#priorite haute|PRIORITY",
        "#transfer Network/Wi-Fi|TRANSFER", "#transférer Payroll|TRANSFER", "#transferer Payroll|TRANSFER",
        "#internal|INTERNAL", "#interne|INTERNAL", "#close|CLOSE", "#clore|CLOSE", "#cancel|CANCEL",
        "#annuler|CANCEL"})
    void everyCommandInEnglishAndFrench(String line, MailCommand.Name name) {
        List<MailCommand> commands = parser.read("Re: x", line + "\nThe message.").list();

        assertThat(commands).hasSize(1);
        assertThat(commands.get(0).name()).isEqualTo(name);
        assertThat(commands.get(0).allowed()).isTrue();
        assertThat(commands.get(0).line()).isEqualTo(line);
    }

    @Test
    void commandsAreTheLinesAtTheTopOnly() {
        Commands read = parser.read("", "\n#take\n#priority high\nThanks.\n#resolve\n");
        List<MailCommand> commands = read.list();

        assertThat(commands).extracting(MailCommand::name)
                .containsExactly(MailCommand.Name.TAKE, MailCommand.Name.PRIORITY);
        assertThat(commands.get(1).args()).containsExactly("high");
        assertThat(read.rest()).isEqualTo("Thanks.\n#resolve\n");
    }

    @Test
    void malformedAndUnknownCommandsAreReadAndRefused() {
        List<MailCommand> commands = parser.read("", "#take now\n#assign\n#frobnicate 12\n").list();

        assertThat(commands).extracting(MailCommand::allowed).containsOnly(false);
        assertThat(commands.get(0).why()).contains("#take takes no argument");
        assertThat(commands.get(1).why()).contains("#assign needs an address");
        assertThat(commands.get(2).name()).isEqualTo(MailCommand.Name.UNKNOWN);
        assertThat(commands.get(2).why()).contains("unknown command '#frobnicate'");
    }

    @Test
    void theSubjectMyticketsIsACommand() {
        assertThat(parser.read("#mytickets", "").list()).extracting(MailCommand::name)
                .containsExactly(MailCommand.Name.MY_TICKETS);
        assertThat(parser.read(" #MesTickets ", "").list()).extracting(MailCommand::name)
                .containsExactly(MailCommand.Name.MY_TICKETS);
        assertThat(parser.read("about #mytickets", "").list()).isEmpty();
    }

    @Test
    void aMailWithoutCommandsHasNone() {
        assertThat(parser.read("Printer", "Hello,\n#1 issue is the printer").list()).isEmpty();
    }

    @Test
    void aBlankLineBetweenCommandsDoesNotEndThem() {
        Commands read = parser.read("", "#take\n\n#resolve\nFixed the toner.\n");

        assertThat(read.list()).extracting(MailCommand::name)
                .containsExactly(MailCommand.Name.TAKE, MailCommand.Name.RESOLVE);
        assertThat(read.rest()).isEqualTo("Fixed the toner.\n");
    }

    @Test
    void commandsPastTheLimitAreRefusedNotDropped() {
        Commands read = parser.read("", "#wait\n".repeat(21) + "Later.");

        assertThat(read.list()).hasSize(21);
        assertThat(read.list().subList(0, 20)).extracting(MailCommand::allowed).containsOnly(true);
        assertThat(read.list().get(20).allowed()).isFalse();
        assertThat(read.list().get(20).why()).contains("only the first 20 commands of a mail are run");
        assertThat(read.rest()).isEqualTo("Later.");
    }

    @Test
    void internalLinesAreReadInAnyCaseWithOrWithoutWordsButNotQuoted() {
        assertThat(CommandParser.isInternalLine("#internal")).isTrue();
        assertThat(CommandParser.isInternalLine("  #INTERNE note")).isTrue();
        assertThat(CommandParser.isInternalLine("#Internal note for bob")).isTrue();
        assertThat(CommandParser.isInternalLine("> #internal")).isFalse();
        assertThat(CommandParser.isInternalLine("#intern")).isFalse();
        assertThat(CommandParser.isInternalLine("see #internal")).isFalse();
    }

    @Test
    void anInternalNoteWithWordsKeepsThemAsItsFirstLine() {
        Commands read = new CommandParser().read("", "#internal note for bob\nThe router is old.");

        assertThat(read.list()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo(MailCommand.Name.INTERNAL);
            assertThat(c.allowed()).isTrue();
        });
        assertThat(read.rest()).isEqualTo("note for bob\nThe router is old.");
        assertThat(read.internal()).isTrue();
        assertThat(new CommandParser().read("", "Hello,\n#interne\nsecret").internal()).isTrue();
        assertThat(new CommandParser().read("", "Hello,\n> #internal\nnothing").internal()).isFalse();
    }
}
