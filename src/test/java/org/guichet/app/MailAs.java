package org.guichet.app;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.concurrent.atomic.AtomicInteger;

/** Mails as people write them in tests: new requests, and replies from a mail client to a notification. */
final class MailAs {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private MailAs() {
    }

    static String newMail(String from, String subject, String body, String... headers) {
        return newMailTo("support@helpdesk.test", from, subject, body, headers);
    }

    /** A new mail to {@code to}: the support address, or someone's reply address of a ticket. */
    static String newMailTo(String to, String from, String subject, String body, String... headers) {
        return "From: " + from + "\r\n"
                + "To: " + to + "\r\n"
                + String.join("", java.util.Arrays.stream(headers).map(h -> h + "\r\n").toList())
                + "Subject: " + subject + "\r\n"
                + "Message-ID: <" + nextId() + ">\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "\r\n" + body.replace("\n", "\r\n") + "\r\n";
    }

    /** What a mail client sends when one answers a notification: Re: subject, Reply-To, In-Reply-To, References. */
    static String reply(MimeMessage to, String from, String body) throws MessagingException {
        String replyTo = to.getHeader("Reply-To", null);
        String references = to.getHeader("References", " ");
        return "From: " + from + "\r\n"
                + "To: " + (replyTo == null ? "support@helpdesk.test" : replyTo) + "\r\n"
                + "Subject: Re: " + to.getSubject() + "\r\n"
                + "Message-ID: <" + nextId() + ">\r\n"
                + "In-Reply-To: " + to.getMessageID() + "\r\n"
                + "References: " + (references == null ? "" : references + " ") + to.getMessageID() + "\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "\r\n" + body.replace("\n", "\r\n") + "\r\n";
    }

    private static String nextId() {
        return "test-" + SEQUENCE.incrementAndGet() + "." + System.nanoTime() + "@example.org";
    }
}
