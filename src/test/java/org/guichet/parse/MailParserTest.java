package org.guichet.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each small mail under src/test/resources/mails is named after the behaviour it pins down. */
class MailParserTest {

    private static final String SHA256_HELLO = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

    private final MailParser parser = new MailParser(AttachmentSink.hashingOnly());

    @Test
    void htmlOnlyMailGivesTextWithParagraphsListItemsAndLinks() {
        InboundMail mail = parse("html-only-with-list.eml");

        assertThat(mail.text()).isEqualTo("""
                Hello,

                The printer shows:
                Error 42
                Paper jam

                - Tried a restart
                - Opened tray B

                See the wiki <https://wiki.example.org/printers> or https://example.org.

                Thanks, Marie""");
        assertThat(mail.newText()).isEqualTo(mail.text());
        assertThat(mail.from()).contains(new MailAddress("marie.curie@example.org", "Marie Curie"));
        assertThat(mail.date()).contains(Instant.parse("2025-03-03T09:15:00Z"));
        assertThat(mail.problems()).isEmpty();
    }

    @Test
    void htmlIsSanitisedWithoutOutsideImagesAndWithNofollowLinks() {
        String html = parse("html-only-with-list.eml").html().orElseThrow();

        assertThat(html).doesNotContain("<script", "alert", "<style", "tracker.example.com", "Ignored title")
                .contains("<a href=\"https://wiki.example.org/printers\" rel=\"nofollow\">the wiki</a>")
                .contains("<li>Tried a restart</li>");
    }

    @Test
    void latin1LabelHoldingWindows1252BytesIsReadAsWindows1252() {
        InboundMail mail = parse("latin1-mislabelled-cp1252.eml");

        assertThat(mail.text()).isEqualTo("\u201cBonjour\u201d, \u00e7a co\u00fbte 5 \u20ac.");
        assertThat(mail.problems()).containsExactly(
                "The mail body (text/plain) is labelled iso-8859-1 but holds windows-1252 bytes; read as windows-1252.");
    }

    @Test
    void rfc2231FileNamesAreDecoded() {
        InboundMail mail = parse("rfc2231-filename.eml");

        assertThat(mail.text()).isEqualTo("Please find both files attached.");
        assertThat(mail.attachments()).extracting(Attachment::name)
                .containsExactly("résumé final.pdf", "François notes.txt");
        Attachment pdf = mail.attachments().get(0);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.size()).isEqualTo(5);
        assertThat(pdf.sha256()).isEqualTo(SHA256_HELLO);
        assertThat(pdf.inline()).isFalse();
        assertThat(pdf.contentId()).isEmpty();
    }

    @Test
    void outlookReplyHasItsQuotedBlockCut() {
        InboundMail mail = parse("outlook-reply-quoted.eml");

        assertThat(mail.newText()).isEqualTo("It works now, thank you!\n\nCarol");
        assertThat(mail.text()).endsWith("Please try again with the new profile.");
        assertThat(mail.subject()).isEqualTo("RE: [#42] VPN does not connect");
        assertThat(mail.inReplyTo()).containsExactly("ticket-42-3@helpdesk.test");
        assertThat(mail.references()).containsExactly("ticket-42-1@helpdesk.test", "ticket-42-3@helpdesk.test");
    }

    @Test
    void frenchReplyHasItsQuotedHistoryAndQuotedLinesCut() {
        InboundMail mail = parse("french-reply-quoted.eml");

        assertThat(mail.newText()).isEqualTo("Merci, c'est réglé.\nBonne journée.");
        assertThat(mail.subject()).isEqualTo("Re: Accès au Wi-Fi");
        assertThat(mail.from()).contains(new MailAddress("jose@example.fr", "José García"));
    }

    @Test
    void inlineImageWithContentIdIsAnInlineAttachment() {
        InboundMail mail = parse("inline-image-cid.eml");

        assertThat(mail.text()).isEqualTo("See the screenshot below.");
        assertThat(mail.attachments()).hasSize(1);
        Attachment image = mail.attachments().get(0);
        assertThat(image.name()).isEqualTo("attachment-1.png");
        assertThat(image.contentType()).isEqualTo("image/png");
        assertThat(image.inline()).isTrue();
        assertThat(image.contentId()).contains("shot1@example.net");
        assertThat(image.size()).isEqualTo(24);
        assertThat(mail.html().orElseThrow()).contains("src=\"cid:shot1@example.net\"").doesNotContain("http://example.net");
    }

    @Test
    void forwardedMailIsKeptWholeAsEml() {
        InboundMail mail = parse("forwarded-rfc822.eml");

        assertThat(mail.text()).isEqualTo("Can you check this one?");
        assertThat(mail.attachments()).hasSize(1);
        Attachment forwarded = mail.attachments().get(0);
        assertThat(forwarded.name()).isEqualTo("Invoice 2025_03 overdue.eml");
        assertThat(forwarded.contentType()).isEqualTo("message/rfc822");
        byte[] inner = ("From: billing@vendor.example\r\nTo: erin@example.com\r\nSubject: Invoice 2025/03 overdue\r\n"
                + "Date: Fri, 7 Mar 2025 08:00:00 +0000\r\nMessage-ID: <inner@vendor.example>\r\n\r\nPlease pay.")
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(forwarded.size()).isEqualTo(inner.length);
        assertThat(forwarded.sha256()).isEqualTo(DigestingSink.sha256Hex(inner));
    }

    @Test
    void missingMessageIdAndDateAreProblemsNotFailures() {
        InboundMail mail = parse("no-message-id.eml");

        assertThat(mail.messageId()).isEmpty();
        assertThat(mail.date()).isEmpty();
        assertThat(mail.text()).isEqualTo("A mail without Message-ID or Date.");
        assertThat(mail.problems()).containsExactly("The mail has no Date header.", "The mail has no Message-ID.");
    }

    @Test
    void encodedSubjectAndNamesAreDecoded() {
        InboundMail mail = parse("encoded-subject-utf8.eml");

        assertThat(mail.subject()).isEqualTo("Problème d'impression — étage 2");
        assertThat(mail.from()).contains(new MailAddress("elodie@example.com", "Élodie Dupont"));
        assertThat(mail.to()).containsExactly(new MailAddress("support@helpdesk.test", "Support"),
                new MailAddress("andre@example.com", "André"));
        assertThat(mail.cc()).extracting(MailAddress::address).containsExactly("gina@example.com", "hugo@example.com");
        assertThat(mail.replyTo()).containsExactly(MailAddress.of("replies@example.com"));
        assertThat(mail.messageId()).contains("encoded-subject@example.com");
        assertThat(mail.headers().first("subject")).contains("Problème d'impression — étage 2");
        assertThat(mail.headers().all("TO")).hasSize(1);
        assertThat(mail.problems()).isEmpty();
    }

    @Test
    void alternativePrefersPlainTextAndKeepsTheHtml() {
        InboundMail mail = parse("alternative-prefers-plain.eml");

        assertThat(mail.text()).isEqualTo("Plain version.");
        assertThat(mail.html()).contains(
                "<p>HTML <a href=\"https://example.com/x\" rel=\"nofollow\">version</a>.</p>");
        assertThat(mail.attachments()).isEmpty();
    }

    @Test
    void unsafeFileNamesAreSanitisedAndMissingOnesMadeUp() {
        InboundMail mail = parse("unsafe-filename.eml");

        assertThat(mail.attachments()).extracting(Attachment::name)
                .containsExactly("_.._etc_passwd", "invoicefdp.exe", "attachment-3.pdf");
    }

    @Test
    void raw8BitHeaderAndUnknownCharsetFallBack() {
        InboundMail mail = parse("raw-8bit-header-unknown-charset.eml");

        assertThat(mail.subject()).isEqualTo("Problème réseau");
        assertThat(mail.from()).contains(new MailAddress("lea@example.com", "Léa"));
        assertThat(mail.text()).isEqualTo("Réseau coupé.");
        assertThat(mail.problems()).containsExactly(
                "The Subject header has raw 8-bit bytes that are not UTF-8; read as windows-1252.",
                "The mail body (text/plain) has 8-bit text but its charset \"x-unknown-charset\" is unknown;"
                        + " read as UTF-8.");
    }

    @Test
    void garbageIsReadWithoutThrowing() {
        InboundMail mail = parser.parse(new byte[] {0, 1, 2, (byte) 0xFF, '\r', '\n', '\r', '\n', 'x'});

        assertThat(mail.text()).isEqualTo("x");
        assertThat(mail.from()).isEmpty();
        assertThat(mail.problems()).contains("The mail has no readable From address.");
    }

    @Test
    void aFailingSinkIsAParseException() {
        MailParser failing = new MailParser(content -> {
            throw new IOException("disk full");
        });

        assertThatThrownBy(() -> failing.parse(bytes("rfc2231-filename.eml")))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("attachment 1").hasMessageContaining("disk full");
    }

    @Test
    void parsingAStreamGivesTheSameMail() throws IOException {
        try (InputStream in = resource("encoded-subject-utf8.eml")) {
            assertThat(parser.parse(in)).isEqualTo(parse("encoded-subject-utf8.eml"));
        }
    }

    private InboundMail parse(String name) {
        return parser.parse(bytes(name));
    }

    private static byte[] bytes(String name) {
        try (InputStream in = resource(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        return Optional.ofNullable(MailParserTest.class.getResourceAsStream("/mails/" + name))
                .orElseThrow(() -> new IllegalArgumentException("No test mail " + name));
    }
}
