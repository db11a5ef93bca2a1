package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.store.StoredMessage;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.guichet.parse.Attachment;
import org.guichet.store.QuarantinedMail;
import org.guichet.ticket.TicketDetail;
import org.guichet.ticket.TicketFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mail written to do harm: one that makes handling fail, file names aimed outside the store, SQL, sizes. */
class HostileMailIT {
    private static final String SUPPORT = TestHelpdesk.SUPPORT;

    @TempDir
    Path dir;

    TestHelpdesk helpdesk;
    MailServer server;

    @AfterEach
    void stop() {
        if (helpdesk != null) {
            helpdesk.close();
        }
    }

    void start(String limits) {
        helpdesk = TestHelpdesk.start(dir, yaml -> yaml + limits);
        server = new MailServer(helpdesk.mail);
    }

    int tickets() {
        return helpdesk.guichet.tickets().inTransaction(tx -> tx.list(TicketFilter.all())).size();
    }

    TicketDetail ticket(long id) {
        return helpdesk.guichet.tickets().inTransaction(tx -> tx.detail(id)).orElseThrow();
    }

    @Test
    void aPoisonMailAmongAHundredIsTriedThreeTimesThenQuarantinedWithItsBytesIntact() throws Exception {
        start("");
        // a sender address longer than any real one: the database refuses it, every time
        String poison = "From: " + "x".repeat(400) + "@example.org\r\nTo: " + SUPPORT + "\r\nSubject: poison\r\n"
                + "Message-ID: <poison@example.org>\r\n\r\nHello.\r\n";
        for (int i = 0; i < 100; i++) {
            server.append(SUPPORT, IntakeResilienceIT.request(i));
            if (i == 49) {
                server.append(SUPPORT, poison);
            }
        }

        helpdesk.runOnce();
        assertThat(tickets()).as("the mails behind the poison are not blocked").isEqualTo(100);
        assertThat(server.count(SUPPORT, "INBOX")).as("left to be tried again").isEqualTo(1);
        helpdesk.runOnce();
        assertThat(server.count(SUPPORT, "Quarantine")).isZero();
        helpdesk.runOnce();

        assertThat(tickets()).isEqualTo(100);
        List<Long> numbers = helpdesk.guichet.tickets().inTransaction(tx -> tx.list(org.guichet.ticket.TicketFilter.all()))
                .stream().map(t -> t.ticket().id()).sorted().toList();
        assertThat(numbers).as("the failed attempts took no ticket number")
                .isEqualTo(java.util.stream.LongStream.rangeClosed(1, 100).boxed().toList());
        assertThat(server.count(SUPPORT, "INBOX")).isZero();
        assertThat(server.count(SUPPORT, "Processed")).isEqualTo(100);
        List<StoredMessage> quarantined = server.messages(SUPPORT, "Quarantine");
        assertThat(quarantined).hasSize(1);
        byte[] served = raw(quarantined.get(0).getMimeMessage());
        assertThat(new String(served, StandardCharsets.UTF_8)).isEqualTo(poison);

        List<QuarantinedMail> listed = helpdesk.guichet.mailLog().quarantined();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).key()).isEqualTo("<poison@example.org>");
        assertThat(listed.get(0).attempts()).isEqualTo(3);
        assertThat(listed.get(0).reason()).containsIgnoringCase("too long");
        assertThat(listed.get(0).rawSha256()).contains(sha256(served));
        Path kept = dir.resolve("messages").resolve(listed.get(0).rawSha256().get().substring(0, 2))
                .resolve(listed.get(0).rawSha256().get());
        assertThat(Files.readAllBytes(kept)).isEqualTo(served);
    }

    @Test
    void attachmentNamesThatTryToLeaveTheStoreStayInsideIt() throws Exception {
        start("");
        List<String> dispositions = List.of(
                "attachment; filename=\"../../etc/passwd\"",
                "attachment; filename=\"/etc/passwd\"",
                "attachment; filename=\"..\\\\..\\\\Windows\\\\win.ini\"",
                "attachment; filename*=utf-8''evil%00name.txt",
                "attachment; filename*=utf-8''invoice%E2%80%AEtxt.exe",
                "attachment; filename*=utf-8''..%2F..%2F..%2Ftmp%2Fencoded.txt",
                "attachment; filename=\"=?utf-8?Q?=2E=2E=2F=2E=2E=2Fetc=2Fshadow?=\"",
                "attachment; filename=\"C:\\\\boot.ini\"");
        StringBuilder mail = new StringBuilder("From: mallory@example.net\r\nTo: " + SUPPORT + "\r\nSubject: files\r\n"
                + "Message-ID: <names@example.net>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n"
                + "\r\n--b\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n");
        for (int i = 0; i < dispositions.size(); i++) {
            mail.append("--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: ")
                    .append(dispositions.get(i)).append("\r\nContent-Transfer-Encoding: base64\r\n\r\n")
                    .append(Base64.getEncoder().encodeToString(("content " + i).getBytes(StandardCharsets.US_ASCII)))
                    .append("\r\n");
        }
        server.append(SUPPORT, mail.append("--b--\r\n").toString());

        helpdesk.runOnce();

        List<Attachment> stored = ticket(1).messages().get(0).attachments();
        assertThat(stored).hasSize(dispositions.size());
        assertThat(stored).allSatisfy(a -> assertThat(a.name())
                .doesNotContain("/", "\\", "\u0000", "\u202e").doesNotStartWith(".").isNotBlank());
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).map(dir::relativize))
                    .allSatisfy(p -> assertThat(p.getName(0).toString()).isIn("attachments", "messages", "db", "guichet.yml"))
                    .filteredOn(p -> p.getName(0).toString().equals("attachments"))
                    .allSatisfy(p -> assertThat(p.getFileName().toString()).matches("[0-9a-f]{64}"))
                    .hasSize(dispositions.size());
        }
        for (String target : List.of("../../etc/passwd", "../../../tmp/encoded.txt", "../../etc/shadow", "../win.ini")) {
            Path aimedAt = dir.resolve("attachments").resolve("x").resolve(target).normalize();
            assertThat(aimedAt).as("where a name used as a path would write").doesNotExist();
        }
    }

    @Test
    void sqlInjectionPayloadsInEveryFieldAreStoredVerbatim() throws Exception {
        start("");
        String subject = "Robert'); DROP TABLE ticket;--";
        String name = "' OR '1'='1";
        String body = "'; DELETE FROM message WHERE '1'='1'; --";
        String messageId = "x');DROP-TABLE-inbound_mail;--@example.org";
        String file = "a'; DROP TABLE attachment;--.txt";
        server.append(SUPPORT, "From: \"" + name + "\" <bobby@example.org>\r\nTo: \"'; UPDATE ticket SET status='closed"
                + "\" <" + SUPPORT + ">\r\nSubject: " + subject + "\r\nMessage-ID: <" + messageId + ">\r\n"
                + "References: <'); DELETE FROM outbox;--@example.org>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n" + body
                + "\r\n--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"" + file + "\"\r\n\r\n"
                + "x\r\n--b--\r\n");
        server.append(SUPPORT, IntakeResilienceIT.request(1));

        helpdesk.runOnce();

        assertThat(tickets()).isEqualTo(2);
        TicketDetail detail = ticket(1);
        assertThat(detail.summary().ticket().subject()).isEqualTo(subject);
        assertThat(detail.summary().ticket().requester().name()).isEqualTo(name);
        assertThat(detail.summary().ticket().status().code()).isEqualTo("new");
        assertThat(detail.messages().get(0).text()).contains(body);
        assertThat(detail.messages().get(0).attachments().get(0).name()).isEqualTo(file);
        java.util.Optional<org.guichet.ticket.MailRecord> recorded =
                helpdesk.guichet.tickets().inTransaction(tx -> tx.mail("<" + messageId + ">"));
        assertThat(recorded).as("the Message-ID, verbatim, is the mail's key").isPresent();
        assertThat(server.count("bobby@example.org", "INBOX")).as("acknowledged").isEqualTo(1);
        assertThat(ticket(2).messages()).hasSize(1);
    }

    @Test
    void aMailOverTheSizeLimitIsQuarantinedUndownloadedAndABigAttachmentIsLeftOutAndTold() throws Exception {
        start("limits:\n  max-message-bytes: 200KiB\n  max-attachment-bytes: 10KiB\n");
        server.append(SUPPORT, "From: big@example.org\r\nTo: " + SUPPORT + "\r\nSubject: huge\r\nMessage-ID: <huge@example.org>"
                + "\r\n\r\n" + "0123456789abcdef\r\n".repeat(20_000));
        String big = Base64.getMimeEncoder().encodeToString(new byte[20 * 1024]);
        server.append(SUPPORT, "From: jane@example.org\r\nTo: " + SUPPORT + "\r\nSubject: scans\r\nMessage-ID: <scans@example.org>"
                + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n"
                + "\r\nTwo scans.\r\n--b\r\nContent-Type: image/png\r\nContent-Disposition: attachment; filename=big-scan.png\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + big + "\r\n--b\r\nContent-Type: text/plain\r\n"
                + "Content-Disposition: attachment; filename=small.txt\r\n\r\nsmall\r\n--b--\r\n");

        helpdesk.runOnce();

        assertThat(server.messages(SUPPORT, "Quarantine")).hasSize(1);
        QuarantinedMail huge = helpdesk.guichet.mailLog().quarantined().get(0);
        assertThat(huge.key()).isEqualTo("<huge@example.org>");
        assertThat(huge.rawSha256()).as("never downloaded").isEmpty();
        assertThat(huge.reason()).contains("max-message-bytes", "not downloaded");

        assertThat(tickets()).isEqualTo(1);
        TicketDetail scans = ticket(1);
        assertThat(scans.messages().get(0).attachments()).extracting(Attachment::name).containsExactly("small.txt");
        assertThat(scans.events()).anySatisfy(e -> assertThat(e.detail()).contains("big-scan.png", "not kept"));
        try (Stream<Path> files = Files.walk(dir.resolve("attachments"))) {
            assertThat(files.filter(Files::isRegularFile)).hasSize(1);
        }
        MimeMessage ack = helpdesk.read("jane@example.org", "INBOX").get(0);
        assertThat(new String(raw(ack), StandardCharsets.UTF_8)).contains("big-scan.png", "over the size limit");
    }

    static byte[] raw(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
