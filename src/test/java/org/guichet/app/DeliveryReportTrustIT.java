package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A delivery report marks an address undeliverable only when it names a notification sent to that address. */
class DeliveryReportTrustIT {
    static final String JANE = "jane@example.org";
    static final String ALICE = "alice@helpdesk.test";
    @TempDir
    Path dir;
    TestHelpdesk helpdesk;

    @AfterEach
    void stop() {
        helpdesk.close();
    }

    @Test
    void aForgedXFailedRecipientsOrAnotherRecipientsMessageIdMarksNothing() throws Exception {
        helpdesk = TestHelpdesk.start(dir);
        helpdesk.deliver(String.join("\r\n", "From: " + JANE, "To: support@helpdesk.test",
                "Subject: Printer in room 12", "Message-ID: <jane-1@example.org>", "", "Blank pages.", ""));
        MimeMessage toAlice = helpdesk.received(ALICE).get(0);

        // free-standing X-Failed-Recipients, threaded on the ticket by the subject tag and Jane's own Message-ID
        helpdesk.deliver(String.join("\r\n", "From: Mail Delivery System <MAILER-DAEMON@evil.example>",
                "To: support@helpdesk.test", "Subject: Re: [Helpdesk #1] Printer in room 12",
                "Message-ID: <forged-1@evil.example>", "X-Failed-Recipients: " + JANE,
                "In-Reply-To: <jane-1@example.org>",
                "", "Delivery to " + JANE + " failed: 550 5.1.1 user unknown", ""));
        // a real notification's Message-ID, but it went to Alice, not to Jane
        helpdesk.deliver(String.join("\r\n", "From: Mail Delivery System <MAILER-DAEMON@evil.example>",
                "To: support@helpdesk.test", "Subject: Undelivered Mail Returned to Sender",
                "Message-ID: <forged-2@evil.example>", "X-Failed-Recipients: " + JANE,
                "In-Reply-To: " + toAlice.getMessageID(), "",
                "Delivery to " + JANE + " failed: 550 5.1.1 user unknown", ""));

        assertThat(helpdesk.events(1)).noneSatisfy(e -> assertThat(e.type()).isEqualTo("undeliverable"));
        assertThat(helpdesk.events(1)).filteredOn(e -> e.type().equals("delivery-unverified")).hasSize(2)
                .allSatisfy(e -> assertThat(e.detail()).contains(JANE, "not marked"));
        int before = helpdesk.received(JANE).size();
        helpdesk.deliver(MailAs.reply(toAlice, ALICE, "#take"));
        assertThat(helpdesk.received(JANE)).as("Jane is still written to").hasSize(before + 1);
    }
}
