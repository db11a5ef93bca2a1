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
}
