package org.guichet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a terminal never receives from a mail: escapes, carriage returns, other controls, bidi overrides. */
class TerminalTest {

    @Test
    void escapeSequencesCarriageReturnsAndC1ControlsAreShownAsQuestionMarks() {
        assertThat(Terminal.line("\u001b[2J\u001b]0;owned\u0007Printer\rFAKE\u009b31m\u007f"))
                .isEqualTo("?[2J?]0;owned?Printer?FAKE?31m?");
    }

    @Test
    void bidiOverridesAndIsolatesAreReplacedButOtherTextIsKept() {
        assertThat(Terminal.line("invoice\u202Egnp.exe\u2066x\u2069 é ü 日本 → ok"))
                .isEqualTo("invoice?gnp.exe?x? é ü 日本 → ok");
    }

    @Test
    void aBodyKeepsItsLinesAndTabsButNoLoneCarriageReturn() {
        assertThat(Terminal.text("Hello\r\n\tworld\rover\u001b[1Aup\n")).isEqualTo("Hello\n\tworld?over?[1Aup\n");
        assertThat(Terminal.line("two\nlines")).isEqualTo("two?lines");
    }

    @Test
    void cleanTextIsReturnedAsItIs() {
        String clean = "Ticket #1: Imprimante en panne";
        assertThat(Terminal.line(clean)).isSameAs(clean);
    }
}
