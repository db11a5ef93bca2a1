package org.guichet.route;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.guichet.config.Category;
import org.guichet.config.ConfigLoader;
import org.guichet.config.GuichetConfig;
import org.guichet.parse.AttachmentSink;
import org.guichet.parse.InboundMail;
import org.guichet.parse.MailParser;

/** Mails and configs for the routing tests: real parsing of small raw mails, the demo config. */
final class TestMails {
    private static final MailParser PARSER = new MailParser(AttachmentSink.hashingOnly());

    private TestMails() {
    }

    static GuichetConfig demoConfig() {
        return new ConfigLoader().load(Path.of("config/guichet.yml"));
    }

    /** The demo config whose categories are replaced, everything else kept. */
    static GuichetConfig withCategories(List<Category> categories) {
        GuichetConfig demo = demoConfig();
        return new GuichetConfig(demo.helpdesk(), demo.mail(), demo.imap(), demo.smtp(), demo.storage(),
                demo.tickets(), demo.limits(), demo.security(), demo.services(), categories, demo.defaultCategory());
    }

    static PlusAddress plus(GuichetConfig config) {
        return new PlusAddress(config.helpdesk().address(), config.security().secret());
    }

    /** A mail from a person to the helpdesk with these extra header lines ("Name: value", "" for none). */
    static InboundMail mail(String subject, String body, String... headers) {
        return mailFrom("Marie Dupont <marie.dupont@example.org>", subject, body, headers);
    }

    /** A mail from this sender to the helpdesk with these extra header lines. */
    static InboundMail mailFrom(String from, String subject, String body, String... headers) {
        StringBuilder raw = new StringBuilder();
        raw.append("From: ").append(from).append('\n');
        if (Stream.of(headers).noneMatch(h -> h.regionMatches(true, 0, "To:", 0, 3))) {
            raw.append("To: support@helpdesk.test\n");
        }
        for (String header : headers) {
            if (!header.isBlank()) {
                raw.append(header).append('\n');
            }
        }
        raw.append("Subject: =?UTF-8?B?")
                .append(java.util.Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8)))
                .append("?=\n");
        raw.append("Date: Mon, 3 Mar 2025 09:15:00 +0100\nMessage-ID: <m1@example.org>\nMIME-Version: 1.0\n");
        raw.append("Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n");
        raw.append(body).append('\n');
        return PARSER.parse(raw.toString().replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }
}
