package org.guichet.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A reply that quotes an internal note is cut there before it reaches the requester. */
class InternalQuotesTest {
    static final List<String> NOTES = List.of("The router in room 12 is older than the building.\nok");

    @Test
    void aQuotedNoteIsCutWithItsAttributionLine() {
        String reply = "We replace the router tomorrow.\n\nOn Monday Alice wrote:\n> Some context first\n"
                + "> The router in room 12 is older than the building.\n> ok\n";

        assertThat(InternalQuotes.cut(reply, NOTES)).isEqualTo("We replace the router tomorrow.");
    }

    @Test
    void aQuotedInternalCommandLineIsCutEvenWithoutKnownNotes() {
        String reply = "Fixed.\n> #internal\n> the password is hunter2\nBye";

        assertThat(InternalQuotes.cut(reply, List.of())).isEqualTo("Fixed.");
    }

    @Test
    void otherQuotesAndShortCommonLinesAreKept() {
        String reply = "Yes.\n> ok\n> Is the printer fixed?\nIt is.";

        assertThat(InternalQuotes.cut(reply, NOTES)).isEqualTo(reply);
    }
}
