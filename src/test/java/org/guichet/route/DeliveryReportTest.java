package org.guichet.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.guichet.parse.AttachmentSink;
import org.guichet.parse.InboundMail;
import org.guichet.parse.MailParser;
import org.guichet.route.DeliveryReport.FailedRecipient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a bounce tells about the notification it returns: which one, to whom, and how final the failure is. */
class DeliveryReportTest {
    private final MailParser parser = new MailParser(AttachmentSink.hashingOnly());
    private final AutomaticMail automatic = AutomaticMail.of(TestMails.demoConfig());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        bounce-postfix-5.1.1-user-unknown.eml|jean.dupont@example.org|5.1.1|true|notification-42-1.7f3a9c@helpdesk.test
        bounce-postfix-4.2.2-mailbox-full-gave-up.eml|marie.curie@example.org|4.2.2|false|notification-43-2.11aa@helpdesk.test
        bounce-postfix-delayed-warning-4.2.2.eml|marie.curie@example.org|4.2.2|false|notification-43-2.11aa@helpdesk.test
        bounce-sendmail-returned-mail-5.1.1.eml|h.fabre@oldlab.example.org|5.1.1|true|notification-48-1.4848@helpdesk.test
        bounce-exim-x-failed-recipients-5.1.1.eml|k.nguyen@partner.example|5.1.1|true|notification-44-1.5e5e@helpdesk.test
        bounce-gmail-address-not-found-5.1.1.eml|no.such.user.4711@gmail.com|5.1.1|true|notification-45-1.9090@helpdesk.test
        bounce-gmail-inbox-full-4.2.2.eml|full.inbox.student@gmail.com|4.2.2|false|notification-46-1.9191@helpdesk.test
        bounce-exchange-online-ndr-5.1.1.eml|former.employee@contoso.example|5.1.10|true|notification-47-1.4747@helpdesk.test
        bounce-qmail-failure-notice-5.1.1.eml|r.blanc@smallhost.example|5.1.1|true|notification-49-1.4949@helpdesk.test
        """)
    void aBounceNamesItsFailedRecipientStatusAndWhenItCanTheReturnedMessage(String file, String address,
            String status, boolean permanent, String messageId) throws IOException {
        DeliveryReport report = automatic.deliveryReport(parse(file)).orElseThrow();

        assertThat(report.failed()).containsExactly(new FailedRecipient(address, Optional.of(status)));
        assertThat(report.failed().get(0).permanent()).isEqualTo(permanent);
        // Postfix and Sendmail name the returned message only in their text/rfc822-headers part (the parser's
        // reportText); the others say it in In-Reply-To or in the text.
        assertThat(report.originalMessageId()).isEqualTo(Optional.ofNullable(messageId));
    }

    @Test
    void aBounceForTwoRecipientsKeepsEachOnesStatus() throws IOException {
        DeliveryReport report = automatic.deliveryReport(parse("bounce-postfix-two-recipients-5.1.1-and-4.2.2.eml"))
                .orElseThrow();

        assertThat(report.failed()).containsExactly(
                new FailedRecipient("jean.dupont@example.org", Optional.of("5.1.1")),
                new FailedRecipient("paul.martin@example.org", Optional.of("4.2.2")));
    }

    /** For when the parser hands on the message/delivery-status part: its fields are read per recipient. */
    @Test
    void rfc3464FieldsInTheTextArePreferredToSentences() {
        InboundMail mail = TestMails.mail("Delivery Status Notification", """
                Delivery to the following recipients failed: a@example.org, b@example.org

                Final-Recipient: rfc822; a@example.org
                Action: failed
                Status: 5.2.1

                Final-Recipient: rfc822;<b@example.org>
                Action: delayed
                Status: 4.4.7
                """);

        assertThat(new DeliveryReportReader(automatic::isOwn).read(mail).failed()).containsExactly(
                new FailedRecipient("a@example.org", Optional.of("5.2.1")),
                new FailedRecipient("b@example.org", Optional.of("4.4.7")));
    }

    @Test
    void aReadReceiptOrAnOutOfOfficeIsNoDeliveryReport() throws IOException {
        assertThat(automatic.deliveryReport(parse("read-receipt-thunderbird-mdn.eml"))).isEmpty();
        assertThat(automatic.deliveryReport(parse("gmail-vacation-responder-english.eml"))).isEmpty();
    }

    @Test
    void aReturnedCopyShowingTheRecipientsOwnReplyAddressProvesTheBounceIsAboutIt() {
        PlusAddress plus = TestMails.plus(TestMails.demoConfig());
        String returned = "Reply-To: Helpdesk <" + plus.addressFor(42, "jean.dupont@example.org") + ">\n"
                + "Message-ID: <guichet.42.x@helpdesk.test>\n";
        InboundMail mail = TestMails.mailFrom("MAILER-DAEMON@mx.example.org", "Undelivered Mail Returned to Sender",
                "Final-Recipient: rfc822; jean.dupont@example.org\nStatus: 5.1.1\n\n"
                        + "Final-Recipient: rfc822; paul.martin@example.org\nStatus: 5.1.1\n\n" + returned);

        DeliveryReport report = automatic.deliveryReport(mail).orElseThrow();

        assertThat(report.failed()).containsExactly(
                new FailedRecipient("jean.dupont@example.org", Optional.of("5.1.1"), Optional.of(42L)),
                new FailedRecipient("paul.martin@example.org", Optional.of("5.1.1"), Optional.empty()));
        assertThat(report.originalMessageId()).contains("guichet.42.x@helpdesk.test");
    }

    private InboundMail parse(String file) throws IOException {
        return parser.parse(Files.readAllBytes(Path.of("src/test/resources/automatic", file)));
    }
}
