package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14: a colleague handed a ticket gets the whole ticket by mail, over GreenMail and H2. */
class WholeTicketIT {
    static final String JANE = "jane@example.org";
    static final String ALICE = "alice@helpdesk.test";
    static final String BOB = "bob@helpdesk.test";

    @TempDir
    Path dir;

    TestHelpdesk helpdesk;

    @AfterEach
    void stop() {
        if (helpdesk != null) {
            helpdesk.close();
        }
    }

    static String withAttachment(String from, String subject, String text, String fileName, String content) {
        String encoded = Base64.getMimeEncoder().encodeToString(content.getBytes(StandardCharsets.US_ASCII));
        return """
                From: %s
                To: support@helpdesk.test
                Subject: %s
                Message-ID: <%s@example.org>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain; charset=utf-8

                %s
                --b1
                Content-Type: application/pdf; name="%s"
                Content-Disposition: attachment; filename="%s"
                Content-Transfer-Encoding: base64

                %s
                --b1--
                """.formatted(from, subject, fileName + "-" + System.nanoTime(), text, fileName, fileName, encoded)
                .replace("\n", "\r\n");
    }

    @Test
    void anAssignMailCarriesTheRequestTextItsAttachmentAndTheLastMessages() throws Exception {
        helpdesk = TestHelpdesk.start(dir);
        helpdesk.deliver(withAttachment("Jane Doe <" + JANE + ">", "Payslip wrong", "My March payslip shows no overtime.",
                "payslip.pdf", "%PDF-1.4 payslip"));
        helpdesk.deliver(CommandCases.asTold(helpdesk, 1, ALICE, "Re: [Helpdesk #1] Payslip wrong", "Which month exactly?"));
        helpdesk.deliver(CommandCases.asTold(helpdesk, 1, JANE, "Re: [Helpdesk #1] Payslip wrong", "March, as I said."));
        helpdesk.deliver(CommandCases.asTold(helpdesk, 1, ALICE, "Re: [Helpdesk #1] Payslip wrong", "#internal\n\nPayroll closed early."));
        int before = helpdesk.received(BOB).size();

        helpdesk.deliver(CommandCases.asTold(helpdesk, 1, ALICE, "Re: [Helpdesk #1] Payslip wrong", "#assign bob@helpdesk.test"));

        List<MimeMessage> mails = helpdesk.received(BOB);
        assertThat(mails).hasSize(before + 1);
        MimeMessage toBob = mails.get(mails.size() - 1);
        String text = TestHelpdesk.text(toBob);
        assertThat(text).contains("handled by bob@helpdesk.test", "My March payslip shows no overtime.",
                "Which month exactly?", "March, as I said.", "Payroll closed early.", "(internal note)",
                "Requester: Jane Doe <jane@example.org>", "priority: normal");
        Multipart multipart = (Multipart) toBob.getContent();
        assertThat(multipart.getCount()).isEqualTo(2);
        assertThat(multipart.getBodyPart(1).getFileName()).isEqualTo("payslip.pdf");
        assertThat(multipart.getBodyPart(1).getInputStream().readAllBytes()).asString().isEqualTo("%PDF-1.4 payslip");
        // the requester is told who handles it, not sent the whole ticket again
        assertThat(TestHelpdesk.text(helpdesk.received(JANE).get(helpdesk.received(JANE).size() - 1)))
                .contains("handled by bob@helpdesk.test").doesNotContain("Payroll closed early.");
    }

    @Test
    void queueByMailListsWhatItShould() throws Exception {
        helpdesk = TestHelpdesk.start(dir, QueueCases.CONFIG, java.time.Clock.systemUTC());
        QueueCases.check(helpdesk);
    }
}
