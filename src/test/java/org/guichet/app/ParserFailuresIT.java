package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.guichet.store.QuarantinedMail;
import org.guichet.ticket.MailOrigin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mail that stops the daemon while it is parsed (out of memory, a crash, a kill) is counted before the parse, from
 * its envelope: after three such attempts it is quarantined with that reason instead of stopping intake again.
 */
class ParserFailuresIT {

    @TempDir
    Path dir;

    TestHelpdesk helpdesk;

    @AfterEach
    void stop() {
        if (helpdesk != null) {
            helpdesk.close();
        }
    }

    @Test
    void aMailWhoseParseNeverFinishedThreeTimesIsQuarantinedUnread() throws Exception {
        helpdesk = TestHelpdesk.start(dir);
        // What three attempts cut short by a crash leave behind: the attempt recorded, no outcome.
        for (int i = 0; i < 3; i++) {
            helpdesk.guichet.tickets().inTransaction(tx -> tx.recordAttempt("<killer@example.org>", null, 100,
                    new MailOrigin("INBOX", 1, 1), Instant.now()));
        }
        helpdesk.append(("From: someone@example.org\r\nTo: " + TestHelpdesk.SUPPORT + "\r\nSubject: killer\r\n"
                + "Message-ID: <killer@example.org>\r\n\r\nThis mail once stopped the daemon.\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        helpdesk.append(IntakeResilienceIT.request(1).getBytes(StandardCharsets.UTF_8));

        helpdesk.runOnce();

        assertThat(helpdesk.guichet.mailLog().quarantined()).extracting(QuarantinedMail::key, QuarantinedMail::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("<killer@example.org>", "reading the mail never"
                        + " finished on 3 attempts: the daemon ran out of memory, crashed or was stopped while"
                        + " parsing it"));
        assertThat(helpdesk.read(TestHelpdesk.SUPPORT, "Quarantine")).extracting(m -> m.getMessageID())
                .containsExactly("<killer@example.org>");
        assertThat(helpdesk.ticketCount()).isEqualTo(1);
    }
}
