package org.guichet.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.SplittableRandom;

/**
 * The mails of {@code guichet bench}, in the shapes of the corpus by turns: plain text, HTML only, text with a
 * 20 KB PDF attachment, and replies that thread onto the request before them. Senders rotate over 500 addresses,
 * so no sender reaches the hourly cap of new tickets.
 */
final class BenchMails {
    private static final int SENDERS = 500;
    private static final int ATTACHMENT_BYTES = 20 * 1024;
    private final String attachment;

    BenchMails() {
        byte[] pdf = new byte[ATTACHMENT_BYTES];
        new SplittableRandom(8).nextBytes(pdf);
        attachment = Base64.getMimeEncoder().encodeToString(pdf);
    }

    /** Mail {@code i} from 1: every fourth is a reply to the one before, which is always a new request. */
    String mail(int i) {
        return mail(i, "requester");
    }

    /**
     * The same, from senders named {@code senders} and a number: another name gives other senders, so that a second
     * drain is not refused by the cap of new tickets per sender and hour the first one used up.
     */
    String mail(int i, String senders) {
        String from = senders + (i % SENDERS) + "@example.org";
        String head = "From: Requester " + i + " <" + from + ">\r\nTo: support@helpdesk.test\r\nDate: Mon, 2 Sep 2024"
                + " 08:00:00 +0200\r\nMessage-ID: <bench-" + i + "@example.org>\r\nMIME-Version: 1.0\r\n";
        return switch (i % 4) {
            case 1 -> head + "Subject: Wi-Fi drops every hour " + i + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                    + "Hello,\r\n\r\nthe Wi-Fi in room " + i + " drops every hour since Monday.\r\n\r\nThanks\r\n";
            case 2 -> head + "Subject: Payslips for a loan " + i + "\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
                    + "<html><body><p>Hello,</p><p>I need my last <b>three payslips</b> for a loan.</p>"
                    + "<ul><li>June</li><li>July</li><li>August</li></ul><p>Thanks</p></body></html>\r\n";
            case 3 -> head + "Subject: Scanner error " + i + "\r\nContent-Type: multipart/mixed; boundary=\"b" + i
                    + "\"\r\n\r\n--b" + i + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThe scan is attached.\r\n"
                    + "--b" + i + "\r\nContent-Type: application/pdf; name=\"scan-" + i + ".pdf\"\r\n"
                    + "Content-Disposition: attachment; filename=\"scan-" + i + ".pdf\"\r\n"
                    + "Content-Transfer-Encoding: base64\r\n\r\n" + attachment + "\r\n--b" + i + "--\r\n";
            default -> head + "Subject: Re: Scanner error " + (i - 1) + "\r\nIn-Reply-To: <bench-" + (i - 1)
                    + "@example.org>\r\nReferences: <bench-" + (i - 1) + "@example.org>\r\n"
                    + "Content-Type: text/plain; charset=utf-8\r\n\r\nIt happens again this morning.\r\n\r\n"
                    + "> The scan is attached.\r\n";
        };
    }

    static boolean isReply(int i) {
        return i % 4 == 0;
    }

    /** A mail of about {@code bytes}, carried by two attachments each under the default attachment limit. */
    static void writeLarge(OutputStream out, long bytes) throws IOException {
        out.write(("From: Big Sender <big@example.org>\r\nTo: support@helpdesk.test\r\nSubject: Large scans\r\n"
                + "Message-ID: <bench-large@example.org>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"big\"\r\n\r\n--big\r\n"
                + "Content-Type: text/plain\r\n\r\nTwo large scans.\r\n").getBytes(StandardCharsets.US_ASCII));
        SplittableRandom random = new SplittableRandom(40);
        long perPart = bytes / 2 * 3 / 4;
        for (int part = 1; part <= 2; part++) {
            out.write(("--big\r\nContent-Type: application/octet-stream; name=\"scan-" + part + ".bin\"\r\n"
                    + "Content-Disposition: attachment; filename=\"scan-" + part + ".bin\"\r\n"
                    + "Content-Transfer-Encoding: base64\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[57 * 1024];
            for (long written = 0; written < perPart; written += chunk.length) {
                random.nextBytes(chunk);
                out.write(Base64.getMimeEncoder().encode(chunk));
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        }
        out.write("--big--\r\n".getBytes(StandardCharsets.US_ASCII));
    }
}
