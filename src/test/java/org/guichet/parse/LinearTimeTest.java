package org.guichet.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.parse.AdversarialMails.MEGABYTE;
import static org.guichet.parse.AdversarialMails.run;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every pattern family of the parser on a megabyte built to make a backtracking pattern run for hours: each test
 * finishes (its speed is in {@link ParseBenchmark}) and gives the right reading.
 */
class LinearTimeTest {

    private final MailParser parser = new MailParser(AttachmentSink.hashingOnly());

    @Test
    void aLineOfUnderscoresIsNotQuotedHistory() {
        String text = run("x", '_', "");

        assertThat(QuoteCutter.cut(text)).isEqualTo(text);
        assertThat(QuoteCutter.cut("Hello\n" + run("From", '_', "x") + "\nSent: today\n> quoted"))
                .startsWith("Hello\nFrom___").doesNotContain("> quoted");
    }

    @Test
    void aPreOfAMillionSpacesBecomesItsText() {
        assertThat(HtmlText.toText(run("<pre>", ' ', "x</pre>"))).isEqualTo("x");
        assertThat(HtmlText.toText(run("<p>a</p><pre>", ' ', "\nb</pre>"))).isEqualTo("a\n\nb");
        assertThat(Texts.collapseBlankLines(run("a", ' ', "b\n\n\n\nc  \n"))).hasSize(MEGABYTE + 5).endsWith("b\n\nc");
    }

    @Test
    void headerValuesOfAMegabyteAreRead() {
        Problems problems = new Problems();

        assertThat(Addresses.parse("To", List.of("a".repeat(MEGABYTE) + " b@example.org"), problems))
                .extracting(address -> address.address().endsWith(" b@example.org")).containsExactly(true);
        assertThat(MessageIds.all(run("<", ' ', "x <id@example.org>"), "References", problems))
                .containsExactly("id@example.org");
        assertThat(HeaderText.decodeWords(run("=?utf-8?q?", 'a', ""), problems)).hasSize(MEGABYTE + 10);
        assertThat(RawParams.fileName(List.of(run("attachment; name=\"", 'n', "")))).map(String::length)
                .contains(MEGABYTE + 1);
        assertThat(RawParams.boundary(run("multipart/mixed; boundary=\"", 'b', ""))).map(String::length)
                .contains(MEGABYTE + 1);
    }

    @Test
    void everyAdversarialMailIsParsedWithItsText() {
        Map<String, byte[]> mails = AdversarialMails.all();

        InboundMail underscores = parse(mails.get("quote-underscores"));
        InboundMail pre = parse(mails.get("html-pre-spaces"));
        InboundMail noColon = parse(mails.get("field-name-without-colon"));
        InboundMail noAt = parse(mails.get("address-without-at"));

        assertThat(underscores.newText().equals(underscores.text()) && underscores.text().length() == MEGABYTE + 1)
                .isTrue();
        assertThat(pre.text()).isEqualTo("x");
        assertThat(noColon.text().endsWith("Body.")).isTrue();
        assertThat(noAt.to()).isEmpty();
        assertThat(noAt.from()).contains(MailAddress.of("a@example.org"));
        mails.remove("field-name-without-colon");
        mails.values().forEach(mail -> assertThat(parse(mail).messageId()).contains("adversarial@example.org"));
    }

    private InboundMail parse(byte[] mail) {
        return parser.parse(new ByteArrayInputStream(mail));
    }
}
