package org.guichet.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MailHeadersTest {

    @Test
    void looksUpNamesCaseInsensitivelyInOrder() {
        MailHeaders.Builder builder = new MailHeaders.Builder();
        builder.add("Received", "one");
        builder.add("RECEIVED", "two");
        MailHeaders headers = builder.build();

        assertThat(headers.all("received")).containsExactly("one", "two");
        assertThat(headers.first("Received")).contains("one");
        assertThat(headers.first("X-Missing")).isEmpty();
    }

    @Test
    void keepsAtMost500FieldsAndSaysSo() {
        StringBuilder raw = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            raw.append("X-Filler-").append(i).append(": value\r\n");
        }
        raw.append("From: a@example.com\r\nMessage-ID: <huge@example.com>\r\n\r\nbody\r\n");

        InboundMail mail = new MailParser(AttachmentSink.hashingOnly())
                .parse(raw.toString().getBytes(StandardCharsets.US_ASCII));

        assertThat(mail.headers().size()).isEqualTo(MailHeaders.MAX_FIELDS);
        assertThat(mail.headers().first("Message-ID")).isEmpty();
        assertThat(mail.messageId()).contains("huge@example.com");
        assertThat(mail.problems()).contains(
                "The mail has more than 500 header fields or 256 KiB of them; the rest were dropped.");
    }

    @Test
    void keepsAtMost256KibInAll() {
        MailHeaders.Builder builder = new MailHeaders.Builder();
        String big = "x".repeat(100 * 1024);

        assertThat(builder.add("X-A", big)).isTrue();
        assertThat(builder.add("X-B", big)).isTrue();
        assertThat(builder.add("X-C", big)).isFalse();
        assertThat(builder.add("X-D", "small")).isFalse();
        assertThat(builder.build().size()).isEqualTo(2);
    }

    @Test
    void aFieldIsAlsoKeptAsWrittenOnlyUnfoldedNeverDecoded() {
        String raw = "From: a@example.com\r\nAuthentication-Results: mx.example.com;\r\n\tspf=pass"
                + " smtp.mailfrom==?utf-8?q?x=3B_dkim=3Dpass?=\r\nSubject: =?utf-8?q?caf=C3=A9?=\r\n\r\nbody\r\n";

        MailHeaders headers = new MailParser(AttachmentSink.hashingOnly())
                .parse(raw.getBytes(StandardCharsets.US_ASCII)).headers();

        assertThat(headers.raw("authentication-results"))
                .containsExactly("mx.example.com;\tspf=pass smtp.mailfrom==?utf-8?q?x=3B_dkim=3Dpass?=");
        assertThat(headers.all("Authentication-Results").get(0)).contains("x; dkim=pass");
        assertThat(headers.raw("Subject")).containsExactly("=?utf-8?q?caf=C3=A9?=");
        assertThat(headers.first("Subject")).contains("café");
    }
}
