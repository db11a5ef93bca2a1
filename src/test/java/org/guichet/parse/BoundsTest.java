package org.guichet.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Mails past the parser's bounds are read as far as is safe, and say so in their problems. */
class BoundsTest {

    private final MailParser parser = new MailParser(AttachmentSink.hashingOnly());

    @Test
    void nestingPastTheDepthBoundIsLeftOutAndFlagged() {
        StringBuilder mail = new StringBuilder("From: a@example.org\r\nSubject: deep\r\n");
        int levels = BodyWalker.MAX_DEPTH + 10;
        for (int i = 0; i < levels; i++) {
            mail.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\r\n\r\n--b").append(i)
                    .append("\r\n");
            if (i == 0) {
                mail.append("Content-Type: text/plain\r\n\r\nShallow text.\r\n--b0\r\n");
            }
        }
        mail.append("Content-Type: text/plain\r\n\r\nToo deep to be read.\r\n");

        InboundMail parsed = parse(mail.toString());

        assertThat(parsed.text()).isEqualTo("Shallow text.");
        assertThat(parsed.problems()).contains(
                "The MIME parts are nested more than 20 deep; the deeper ones were left out.");
    }

    @Test
    void partsPastTheCountBoundAreLeftOutAndFlagged() {
        StringBuilder mail = new StringBuilder("From: a@example.org\r\nSubject: many\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n");
        for (int i = 0; i < BodyWalker.MAX_PARTS + 100; i++) {
            mail.append("--b\r\nContent-Type: application/octet-stream; name=\"f").append(i).append(".bin\"\r\n\r\nx\r\n");
        }
        mail.append("--b--\r\n");

        InboundMail parsed = parse(mail.toString());

        assertThat(parsed.attachments()).hasSize(BodyWalker.MAX_PARTS - 1);
        assertThat(parsed.problems()).contains("The mail has more than 500 MIME parts; the rest were left out.");
    }

    @Test
    void headerPastTheSizeBoundIsCutButTheBodyIsRead() {
        StringBuilder mail = new StringBuilder("From: a@example.org\r\nSubject: big header\r\n");
        String junk = "X-Junk: " + "j".repeat(200) + "\r\n";
        while (mail.length() < 2 * HeaderSection.MAX_HEADER_BYTES) {
            mail.append(junk);
        }
        mail.append("\r\nThe body under a huge header.\r\n");

        InboundMail parsed = parse(mail.toString());

        assertThat(parsed.subject()).isEqualTo("big header");
        assertThat(parsed.text()).isEqualTo("The body under a huge header.");
        assertThat(parsed.problems()).contains("The header section is larger than 1024 KiB; the fields past that were dropped.");
    }

    @Test
    void anEndlessHeaderLineIsSkippedWithoutExhaustingMemory() {
        String mail = "From: a@example.org\r\nX-Endless: " + "e".repeat(3 * HeaderSection.MAX_HEADER_BYTES);

        InboundMail parsed = parse(mail);

        assertThat(parsed.from()).contains(MailAddress.of("a@example.org"));
        assertThat(parsed.text()).isEmpty();
        assertThat(parsed.headers().first("X-Endless")).isEmpty();
    }

    @Test
    void bodyTextPastItsBoundIsCutAndFlagged() {
        String line = "0123456789".repeat(7) + "\r\n";
        String body = line.repeat(TextReader.MAX_TEXT_BYTES / line.length() + 1000);
        String mail = "From: a@example.org\r\nSubject: long\r\nContent-Type: text/plain\r\n\r\n" + body;

        InboundMail parsed = parse(mail);

        assertThat(parsed.text().length()).isLessThanOrEqualTo(TextReader.MAX_TEXT_BYTES).isGreaterThan(1_000_000);
        assertThat(parsed.problems()).contains(
                "The mail body (text/plain) holds more than 4 MiB of body text; the rest was left out of the text.");
    }

    private InboundMail parse(String mail) {
        return parser.parse(new java.io.ByteArrayInputStream(mail.getBytes(StandardCharsets.ISO_8859_1)));
    }
}
