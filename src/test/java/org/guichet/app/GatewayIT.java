package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.List;
import org.guichet.ticket.Status;
import org.guichet.ticket.TicketDetail;
import org.guichet.ticket.TicketFilter;
import org.guichet.ticket.TicketSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A mail all the way through: IMAP intake, ticket, acknowledgement by SMTP, follow-ups, the Processed folder. */
class GatewayIT {
    @RegisterExtension
    final TestHelpdesk.Extension helpdesk = TestHelpdesk.extension();

    static String request(String from, String subject, String messageId) {
        return """
                From: Jane Doe <%s>
                To: support@helpdesk.test
                Subject: %s
                Message-ID: <%s>
                Date: Sat, 28 Nov 2026 09:00:00 +0100
                Content-Type: text/plain; charset=utf-8

                The printer on the second floor says "paper jam" but there is no paper inside.
                """.formatted(from, subject, messageId).replace("\n", "\r\n");
    }

    List<TicketSummary> tickets() {
        return helpdesk.get().guichet.tickets().inTransaction(tx -> tx.list(TicketFilter.all()));
    }

    TicketDetail ticket(long id) {
        return helpdesk.get().guichet.tickets().inTransaction(tx -> tx.detail(id)).orElseThrow();
    }

    @Test
    void aNewMailOpensTicketOneAndTheRequesterIsAcknowledged() throws Exception {
        helpdesk.get().send(request("jane@example.org", "Printer jammed", "req-1@example.org"));

        assertThat(helpdesk.get().runOnce()).isEqualTo(1);

        List<TicketSummary> tickets = tickets();
        assertThat(tickets).hasSize(1);
        assertThat(tickets.get(0).ticket().id()).isEqualTo(1);
        assertThat(tickets.get(0).ticket().subject()).isEqualTo("Printer jammed");
        assertThat(tickets.get(0).ticket().requester().address()).isEqualTo("jane@example.org");
        assertThat(tickets.get(0).ticket().requester().name()).isEqualTo("Jane Doe");
        assertThat(tickets.get(0).ticket().status()).isEqualTo(Status.NEW);
        assertThat(tickets.get(0).ticket().category()).isEqualTo("Unsorted");
        assertThat(tickets.get(0).ticket().service()).isEqualTo("it");
        assertThat(ticket(1).messages().get(0).text()).contains("paper jam");

        List<MimeMessage> inbox = helpdesk.get().read("jane@example.org", "INBOX");
        assertThat(inbox).hasSize(1);
        MimeMessage ack = inbox.get(0);
        assertThat(ack.getSubject()).isEqualTo("[Helpdesk #1] Printer jammed");
        assertThat(ack.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(ack.getHeader("X-Auto-Response-Suppress", null)).isEqualTo("All");
        assertThat(ack.getHeader("In-Reply-To", null)).isEqualTo("<req-1@example.org>");
        assertThat(ack.getHeader("Reply-To", null)).matches("support\\+1-[a-z2-7]{12}@helpdesk\\.test");
        assertThat(ack.getFrom()[0].toString()).isEqualTo("Test Helpdesk <support@helpdesk.test>");
        assertThat(ack.getContentType()).startsWith("multipart/alternative");

        assertThat(helpdesk.get().read(TestHelpdesk.SUPPORT, "INBOX")).isEmpty();
        assertThat(helpdesk.get().read(TestHelpdesk.SUPPORT, "Processed")).hasSize(1);
    }

    @Test
    void aReplyCarryingTheTagIsAFollowUpOfTheSameTicket() throws Exception {
        helpdesk.get().send(request("jane@example.org", "Printer jammed", "req-1@example.org"));
        helpdesk.get().runOnce();

        // a client that drops In-Reply-To and References: only the subject tag is left
        helpdesk.get().send("""
                From: jane@example.org
                To: support@helpdesk.test
                Subject: RE: [Helpdesk #1] Printer jammed
                Message-ID: <reply-1@example.org>

                It is the HP one, room 204.
                """.replace("\n", "\r\n"));
        helpdesk.get().runOnce();

        assertThat(tickets()).hasSize(1);
        TicketDetail detail = ticket(1);
        assertThat(detail.messages()).hasSize(2);
        assertThat(detail.messages().get(1).text()).contains("It is the HP one, room 204.");
        // a fresh mail proves nothing of its sender: recorded, and marked so (SPEC section 6)
        assertThat(detail.events()).anySatisfy(e -> assertThat(e.detail())
                .isEqualTo("reply threaded by subject, from an unverified sender"));
        assertThat(helpdesk.get().read(TestHelpdesk.SUPPORT, "Processed")).hasSize(2);
        // one acknowledgement only: the follow-up is not acknowledged as a new ticket
        assertThat(helpdesk.get().read("jane@example.org", "INBOX")).hasSize(1);
    }

    @Test
    void aReplyFromAMailClientThreadsByReferencesEvenWithAnotherSubject() throws Exception {
        helpdesk.get().send(request("jane@example.org", "Printer jammed", "req-1@example.org"));
        helpdesk.get().runOnce();
        MimeMessage ack = helpdesk.get().read("jane@example.org", "INBOX").get(0);

        helpdesk.get().send("""
                From: jane@example.org
                To: support@helpdesk.test
                Subject: still broken
                Message-ID: <reply-2@example.org>
                In-Reply-To: %s
                References: <req-1@example.org> %s

                Still broken this morning.
                """.formatted(ack.getMessageID(), ack.getMessageID()).replace("\n", "\r\n"));
        helpdesk.get().runOnce();

        assertThat(tickets()).hasSize(1);
        assertThat(ticket(1).messages()).hasSize(2);
    }

    @Test
    void aReplyToThePlusAddressThreadsWithoutTagNorReferences() throws Exception {
        helpdesk.get().send(request("jane@example.org", "Printer jammed", "req-1@example.org"));
        helpdesk.get().runOnce();
        String replyTo = helpdesk.get().read("jane@example.org", "INBOX").get(0).getHeader("Reply-To", null);

        helpdesk.get().send("""
                From: jane@example.org
                To: %s
                Subject: about my printer
                Message-ID: <reply-3@example.org>

                Any news?
                """.formatted(replyTo).replace("\n", "\r\n"));
        helpdesk.get().runOnce();

        assertThat(tickets()).hasSize(1);
        assertThat(ticket(1).events()).anySatisfy(e -> assertThat(e.detail()).isEqualTo("reply threaded by plus-address"));
    }

    @Test
    void aStrangerNamingATicketInTheSubjectOpensANewTicket() throws Exception {
        helpdesk.get().send(request("jane@example.org", "Printer jammed", "req-1@example.org"));
        helpdesk.get().runOnce();

        helpdesk.get().send(request("mallory@example.net", "Re: [Helpdesk #1] Printer jammed", "evil-1@example.net"));
        helpdesk.get().runOnce();

        assertThat(tickets()).hasSize(2);
        assertThat(ticket(1).messages()).hasSize(1);
        TicketDetail second = ticket(2);
        assertThat(second.summary().ticket().requester().address()).isEqualTo("mallory@example.net");
        assertThat(second.summary().ticket().linkedTicket()).contains(1L);
        // the stranger's acknowledgement speaks of their own ticket only
        List<MimeMessage> strangerInbox = helpdesk.get().read("mallory@example.net", "INBOX");
        assertThat(strangerInbox).hasSize(1);
        assertThat(strangerInbox.get(0).getSubject()).isEqualTo("[Helpdesk #2] Printer jammed");
    }

    @Test
    void theSameMailSeenAgainAfterACrashIsNotHandledTwice() throws Exception {
        String raw = request("jane@example.org", "Printer jammed", "req-1@example.org");
        helpdesk.get().send(raw);
        helpdesk.get().runOnce();

        // a crash between the commit and the move leaves the mail in INBOX: here it is again
        helpdesk.get().send(raw);
        assertThat(helpdesk.get().runOnce()).isEqualTo(1);

        assertThat(tickets()).hasSize(1);
        assertThat(ticket(1).messages()).hasSize(1);
        assertThat(helpdesk.get().read(TestHelpdesk.SUPPORT, "INBOX")).isEmpty();
        assertThat(helpdesk.get().read(TestHelpdesk.SUPPORT, "Processed")).hasSize(2);
        assertThat(helpdesk.get().read("jane@example.org", "INBOX")).hasSize(1);
    }

    @Test
    void mailAlreadyMarkedReadBySomeoneElseIsStillHandled() throws Exception {
        helpdesk.get().send(request("jane@example.org", "Printer jammed", "req-1@example.org"));
        markAllSeen();

        helpdesk.get().runOnce();

        assertThat(tickets()).hasSize(1);
    }

    @Test
    void automaticMailOpensNoTicketAndIsNotAnswered() throws Exception {
        helpdesk.get().send("""
                From: holidays@example.org
                To: support@helpdesk.test
                Subject: Out of office
                Auto-Submitted: auto-replied
                Message-ID: <ooo-1@example.org>

                I am away until Monday.
                """.replace("\n", "\r\n"));

        helpdesk.get().runOnce();

        assertThat(tickets()).isEmpty();
        assertThat(helpdesk.get().read("holidays@example.org", "INBOX")).isEmpty();
        assertThat(helpdesk.get().read(TestHelpdesk.SUPPORT, "Processed")).hasSize(1);
    }

    @Test
    void attachmentsAreKeptOnceByTheirHashAndTheRawMailIsKept() throws Exception {
        String pdf = java.util.Base64.getMimeEncoder().encodeToString("%PDF-1.4 payslip".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        for (String id : List.of("att-1@example.org", "att-2@example.org")) {
            helpdesk.get().send("""
                    From: jane@example.org
                    To: support@helpdesk.test
                    Subject: Payslips for my loan
                    Message-ID: <%s>
                    MIME-Version: 1.0
                    Content-Type: multipart/mixed; boundary="b1"

                    --b1
                    Content-Type: text/plain; charset=utf-8

                    Here is the one I have.
                    --b1
                    Content-Type: application/pdf; name="../../etc/payslip.pdf"
                    Content-Disposition: attachment; filename="../../etc/payslip.pdf"
                    Content-Transfer-Encoding: base64

                    %s
                    --b1--
                    """.formatted(id, pdf).replace("\n", "\r\n"));
        }

        helpdesk.get().runOnce();

        assertThat(tickets()).hasSize(2);
        var attachment = ticket(1).messages().get(0).attachments().get(0);
        assertThat(attachment.name()).doesNotContain("/").endsWith("payslip.pdf");
        assertThat(attachment.contentType()).isEqualTo("application/pdf");
        assertThat(attachment.size()).isEqualTo("%PDF-1.4 payslip".length());
        assertThat(ticket(2).messages().get(0).attachments().get(0).sha256()).isEqualTo(attachment.sha256());
        // the service's agents get the request with its attachment
        MimeMessage toAlice = helpdesk.get().received("alice@helpdesk.test").get(0);
        var multipart = (jakarta.mail.Multipart) toAlice.getContent();
        assertThat(multipart.getCount()).isEqualTo(2);
        assertThat(multipart.getBodyPart(1).getFileName()).isEqualTo(attachment.name());
        assertThat(multipart.getBodyPart(1).getInputStream().readAllBytes()).asString().isEqualTo("%PDF-1.4 payslip");
        Path attachments = helpdesk.get().dir.resolve("attachments");
        try (var files = java.nio.file.Files.walk(attachments)) {
            assertThat(files.filter(java.nio.file.Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .containsExactly(attachment.sha256());
        }
        try (var raw = java.nio.file.Files.walk(helpdesk.get().dir.resolve("messages"))) {
            assertThat(raw.filter(java.nio.file.Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches("[0-9a-f]{64}"))).hasSize(2);
        }
    }

    /** A batch holding only mails too large to fetch in one UID FETCH once made intake fail over and over. */
    @Test
    void aMailboxHoldingOnlyALargeMailIsHandled() throws Exception {
        String big = java.util.Base64.getMimeEncoder().encodeToString(new byte[1_500_000]);
        helpdesk.get().send("From: jane@example.org\r\nTo: support@helpdesk.test\r\nSubject: Scan of my thesis\r\n"
                + "Message-ID: <big-1@example.org>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nAttached.\r\n--b\r\nContent-Type: application/pdf; name=\"thesis.pdf\"\r\n"
                + "Content-Disposition: attachment; filename=\"thesis.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + big + "\r\n--b--\r\n");

        assertThat(helpdesk.get().runOnce()).isEqualTo(1);

        assertThat(tickets()).hasSize(1);
        assertThat(ticket(1).messages().get(0).attachments().get(0).size()).isEqualTo(1_500_000);
    }

    private void markAllSeen() throws Exception {
        var props = new java.util.Properties();
        var store = jakarta.mail.Session.getInstance(props).getStore("imap");
        store.connect("127.0.0.1", helpdesk.get().imapPort, TestHelpdesk.SUPPORT, "any");
        var inbox = store.getFolder("INBOX");
        inbox.open(jakarta.mail.Folder.READ_WRITE);
        inbox.setFlags(1, inbox.getMessageCount(), new jakarta.mail.Flags(jakarta.mail.Flags.Flag.SEEN), true);
        inbox.close(false);
        store.close();
    }
}
