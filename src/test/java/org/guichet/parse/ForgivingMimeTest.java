package org.guichet.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Broken mail read as mime4j and stalwart read it (issue 13): each case is a mail under src/test/resources/mails
 * named after the behaviour, with the reading a person would expect.
 */
class ForgivingMimeTest {

    private final MailParser parser = new MailParser(AttachmentSink.hashingOnly());

    @Test
    void textAfterAMissingFinalBoundaryIsKept() throws IOException {
        InboundMail mail = parse("missing-final-boundary-keeps-text.eml");

        assertThat(mail.text()).isEqualTo("The printer is jammed.\n\n"
                + "This text comes after the last delimiter, which is never closed.");
    }

    @Test
    void aMailWithNoHeaderBlockIsAllBody() throws IOException {
        InboundMail mail = parse("no-header-block-is-all-body.eml");

        assertThat(mail.text()).isEqualTo("Bonjour, this mail came out of a script that wrote no header at all.\n"
                + "Note: the second line holds a colon, like a field would.\n\nThird paragraph.");
        assertThat(mail.subject()).isEmpty();
        assertThat(mail.problems()).contains("The mail has no header section (its first line is not a header field);"
                + " it was all read as body.");
    }

    @Test
    void obsoleteHeaderSyntaxIsRead() throws IOException {
        InboundMail mail = parse("obsolete-header-syntax.eml");

        assertThat(mail.from()).contains(new MailAddress("bob@example.org", "Bob"));
        assertThat(mail.to()).containsExactly(MailAddress.of("support@example.org"));
        assertThat(mail.subject()).isEqualTo("An obsolete subject");
        assertThat(mail.messageId()).contains("obsolete@example.org");
        assertThat(mail.text()).isEqualTo("The body, not the headers.");
    }

    @Test
    void aDuplicatedBoundaryDoesNotEndThePartEarly() throws IOException {
        InboundMail mail = parse("duplicated-boundary-does-not-end-the-part.eml");

        assertThat(mail.text()).isEqualTo("Inner text, under the same boundary.\n\n"
                + "Outer text, after the inner multipart closed.");
        assertThat(mail.attachments()).extracting(Attachment::name).containsExactly("report.pdf");
    }

    @Test
    void aRepeatedDelimiterLineMakesAnEmptyPartAndLosesNothing() {
        InboundMail mail = parser.parse(("From: a@example.org\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                + "--b\r\n--b\r\nContent-Type: text/plain\r\n\r\nAfter a repeated delimiter.\r\n--b--\r\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        assertThat(mail.text()).isEqualTo("After a repeated delimiter.");
    }

    private InboundMail parse(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/mails/" + name), name)) {
            return parser.parse(in);
        }
    }
}
