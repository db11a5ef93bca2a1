package org.guichet.parse;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mails and texts built to make a backtracking regular expression run for hours: a megabyte of the one character
 * that keeps a pattern hoping. The linear-time tests assert what each gives; {@link ParseBenchmark} times them.
 */
public final class AdversarialMails {

    /** One megabyte, the size of each adversarial run. */
    public static final int MEGABYTE = 1024 * 1024;

    private AdversarialMails() {
    }

    /** {@code prefix}, then {@code c} a megabyte of times, then {@code suffix}. */
    public static String run(String prefix, char c, String suffix) {
        return prefix + String.valueOf(c).repeat(MEGABYTE) + suffix;
    }

    /** A header value of about a megabyte made of {@code c}, folded into lines short enough to be kept. */
    public static String folded(String prefix, char c) {
        return folded(prefix, c, MEGABYTE);
    }

    /** The same, of about {@code size} characters. */
    public static String folded(String prefix, char c, int size) {
        StringBuilder value = new StringBuilder(prefix);
        String line = String.valueOf(c).repeat(998);
        while (value.length() < size - 1000) {
            value.append(line).append("\r\n ");
        }
        return value.append(c).toString();
    }

    /** Whole mails, by name, each holding one adversarial run where a pattern of the parser or router reads it. */
    public static Map<String, byte[]> all() {
        Map<String, byte[]> mails = new LinkedHashMap<>();
        mails.put("subject-priority-marker", mail("Subject: " + folded("[priority:", ' ') + "x", "Hello."));
        mails.put("body-priority-line", mail("Subject: spaces", run("priority: x", ' ', "y")));
        mails.put("quote-underscores", mail("Subject: underscores", run("x", '_', "")));
        mails.put("quote-from-underscores", mail("Subject: from", run("From", '_', "x\r\nSent: today")));
        mails.put("html-pre-spaces", mail("Subject: pre\r\nContent-Type: text/html",
                run("<html><body><pre>", ' ', "x</pre></body></html>")));
        mails.put("address-without-at", mail("To: " + folded("", 'a'), "Hello."));
        mails.put("unclosed-message-id", mail("References: " + folded("<", ' ') + "x", "Hello."));
        mails.put("unclosed-encoded-word", mail("Subject: " + folded("=?utf-8?q?", 'a'), "Hello."));
        mails.put("unclosed-comments", mail("Auto-Submitted: "
                + folded("auto-replied ", '(', MEGABYTE / 5), "Hello."));
        mails.put("field-name-without-colon", ("From: a@example.org\r\n" + run("X", 'x', "\r\n\r\nBody."))
                .getBytes(StandardCharsets.ISO_8859_1));
        mails.put("unclosed-file-name", mail("Content-Type: application/octet-stream; " + folded("name=\"", 'n'),
                "Body."));
        return mails;
    }

    private static byte[] mail(String headers, String body) {
        return ("From: a@example.org\r\nMessage-ID: <adversarial@example.org>\r\n" + headers + "\r\n\r\n" + body
                + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }
}
