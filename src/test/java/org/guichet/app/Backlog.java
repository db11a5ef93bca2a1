package org.guichet.app;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generated backlogs for the import tests and benchmarks: an mbox of small mails, four new requests from 400
 * senders (ten each per thousand, under the hourly cap) for every reply to the request just before it.
 */
final class Backlog {
    private Backlog() {
    }

    /** Mail {@code i} (from 1) is a reply when {@code i} is a multiple of 5, a new request otherwise. */
    static boolean isReply(int i) {
        return i % 5 == 0;
    }

    static int newRequests(int mails) {
        return mails - mails / 5;
    }

    static String mail(int i) {
        String from = "user" + (i % 400) + "@example.org";
        String head = "Return-Path: <" + from + ">\n";
        if (isReply(i)) {
            return head + "From: " + from + "\nTo: support@helpdesk.test\nSubject: Re: Request " + (i - 1)
                    + "\nMessage-ID: <mail-" + i + "@example.org>\nIn-Reply-To: <mail-" + (i - 1) + "@example.org>\n"
                    + "Date: Mon, 2 Sep 2024 08:15:00 +0200\n\nStill broken this morning.\n";
        }
        // a body line that starts with "From " is quoted in the mbox and must come back unquoted
        return head + "From: " + from + "\nTo: support@helpdesk.test\nSubject: Request " + i + "\nMessage-ID: <mail-" + i
                + "@example.org>\nDate: Mon, 2 Sep 2024 08:00:00 +0200\n\nMy screen stays black.\n"
                + "From the second floor, room " + i + ".\n";
    }

    /** An mboxrd file: a "From " line before each mail, ">From " for body lines, an empty line after each. */
    static Path mbox(Path file, int mails) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 1; i <= mails; i++) {
                out.write(entry(i).getBytes(StandardCharsets.UTF_8));
            }
        }
        return file;
    }

    static String entry(int i) {
        return "From user" + (i % 400) + "@example.org Mon Sep  2 08:00:00 2024\n"
                + mail(i).replaceAll("(?m)^(>*From )", ">$1") + "\n";
    }
}
