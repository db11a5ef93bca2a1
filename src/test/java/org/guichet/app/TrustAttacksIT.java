package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.guichet.ticket.Status;
import org.guichet.ticket.TicketEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attacks of issue 12 against a helpdesk whose {@code security.require-proof} is {@code auto} outside the
 * demo, each over GreenMail and H2: the attack fails, and the legitimate way to do the same still works.
 */
class TrustAttacksIT {
    static final String JANE = "jane@example.org";
    static final String ALICE = "alice@helpdesk.test";
    static final String BOB = "bob@helpdesk.test";
    static final String PAUL = "paul@example.org";
    static final String SPY = "spy@evil.example";
    static final String SUBJECT = "Re: [Helpdesk #1] Printer in room 12";
    @TempDir
    Path dir;
    TestHelpdesk helpdesk;

    @AfterEach
    void stop() {
        if (helpdesk != null) {
            helpdesk.close();
        }
    }

    private void start() throws Exception {
        start(yaml -> yaml);
    }

    private void start(UnaryOperator<String> edit) throws Exception {
        helpdesk = TestHelpdesk.start(dir, edit);
        helpdesk.deliver(MailAs.newMail(JANE, "Printer in room 12", "It prints blank pages.", "Cc: " + PAUL));
    }

    private MimeMessage last(String address) {
        List<MimeMessage> mails = helpdesk.received(address);
        assertThat(mails).as("mails to %s", address).isNotEmpty();
        return mails.get(mails.size() - 1);
    }

    private String lastText(String address) {
        return TestHelpdesk.text(last(address));
    }

    private List<String> texts(String address) {
        return helpdesk.received(address).stream().map(TestHelpdesk::text).toList();
    }

    private List<String> eventTypes() {
        return helpdesk.events(1).stream().map(TicketEvent::type).toList();
    }

    @Test
    void aForgedAgentInviteIsRefusedAndHerReplyToHerOwnNotificationApplies() throws Exception {
        start();
        MimeMessage opened = last(ALICE);
        int janeBefore = helpdesk.received(JANE).size();

        helpdesk.deliver(MailAs.newMail(ALICE, SUBJECT, "#invite " + SPY));

        assertThat(helpdesk.ticket(1).observers()).doesNotContain(SPY);
        assertThat(helpdesk.received(SPY)).as("the spy reads nothing").isEmpty();
        assertThat(helpdesk.received(JANE)).as("nothing applied, nothing told").hasSize(janeBefore);
        assertThat(eventTypes()).contains("command-refused", "unverified-sender");
        assertThat(helpdesk.events(1)).noneSatisfy(e -> assertThat(e.to()).contains(SPY));
        String told = lastText(ALICE);
        assertThat(told).contains("#invite " + SPY, "Nothing proves that this mail comes from you",
                "reply to a notification");
        assertThat(told).containsPattern("support\\+1-[a-z2-7]{12}@helpdesk\\.test");

        // Alice answers her own notification: its reply address proves her, no Authentication-Results needed
        helpdesk.deliver(MailAs.reply(opened, ALICE, "#invite " + BOB));

        assertThat(helpdesk.ticket(1).observers()).contains(BOB);
        assertThat(lastText(BOB)).contains("asked " + BOB + " to help");
    }

    @Test
    void everyNotificationCarriesItsRecipientsOwnReplyAddress() throws Exception {
        start();
        String janes = last(JANE).getHeader("Reply-To", null);
        String alices = last(ALICE).getHeader("Reply-To", null);

        assertThat(janes).matches("support\\+1-[a-z2-7]{12}@helpdesk\\.test");
        assertThat(alices).matches("support\\+1-[a-z2-7]{12}@helpdesk\\.test").isNotEqualTo(janes);

        // Jane's reply address does not prove Alice: a forger who saw Jane's mail still cannot act as Alice
        helpdesk.deliver(MailAs.newMailTo(janes, ALICE, SUBJECT, "#take"));
        assertThat(helpdesk.ticket(1).assignee()).isEmpty();
    }

    @Test
    void aForgedRequesterCancelBySubjectTagIsRefusedAndHerReplyCancels() throws Exception {
        start();
        MimeMessage acknowledgement = last(JANE);

        helpdesk.deliver(MailAs.newMail(JANE, SUBJECT, "#cancel"));

        assertThat(helpdesk.ticket(1).status()).isEqualTo(Status.NEW);
        assertThat(lastText(JANE)).contains("#cancel", "Nothing proves that this mail comes from you");

        helpdesk.deliver(MailAs.reply(acknowledgement, JANE, "#cancel"));
        assertThat(helpdesk.ticket(1).status()).isEqualTo(Status.CANCELLED);
    }

    @Test
    void internalNotesNeverReachTheRequesterNorCcObservers() throws Exception {
        start();
        helpdesk.deliver(MailAs.reply(last(ALICE), ALICE, "#assign " + BOB));
        assertThat(helpdesk.ticket(1).assignee()).contains(BOB);
        int janeBefore = helpdesk.received(JANE).size();
        int paulBefore = helpdesk.received(PAUL).size();

        // with an argument, after a greeting, in capitals: each one is an internal note
        helpdesk.deliver(MailAs.reply(last(ALICE), ALICE, "#internal note for bob: the router is old"));
        helpdesk.deliver(MailAs.reply(last(ALICE), ALICE, "Hello Bob,\n#internal\nThe switch is old too."));
        helpdesk.deliver(MailAs.reply(last(ALICE), ALICE, "Hi,\n\n#INTERNE\nLe câble aussi."));
        // a requester may not write internal notes: refused, she is told, and it still stays with the agents
        helpdesk.deliver(MailAs.reply(last(JANE), JANE, "Hello,\n#internal\nMy password is hunter2."));
        // a forged agent mail: unproven, and still an internal note
        helpdesk.deliver(MailAs.newMail(ALICE, SUBJECT, "#internal\nThe spare printer key is 1234."));

        List<String> toJane = texts(JANE).subList(janeBefore, helpdesk.received(JANE).size());
        assertThat(String.join("\n", toJane)).doesNotContain("router is old", "switch is old", "câble",
                "spare printer key");
        assertThat(toJane).as("Jane is told her #internal was refused").singleElement()
                .satisfies(t -> assertThat(t).contains("#internal", "for agents only"));
        assertThat(helpdesk.received(PAUL)).as("a Cc observer is not an agent").hasSize(paulBefore);
        String toBob = String.join("\n", texts(BOB));
        assertThat(toBob).contains("the router is old", "The switch is old too.", "Le câble aussi.",
                "My password is hunter2.", "The spare printer key is 1234.", "unverified sender");
        assertThat(helpdesk.detail(1).messages().subList(2, helpdesk.detail(1).messages().size()))
                .allSatisfy(m -> assertThat(m.internal()).isTrue());

        // the legitimate path: Bob's plain answer still reaches Jane
        helpdesk.deliver(MailAs.reply(last(BOB), BOB, "The printer is fixed."));
        assertThat(lastText(JANE)).contains("The printer is fixed.");
    }

    private static String withAuthResults(String... headers) {
        return MailAs.newMail(ALICE, SUBJECT, "#take", headers);
    }

    @Test
    void authenticationResultsTricksProveNothingAndOurServersPassDoes() throws Exception {
        start(yaml -> yaml.replace("  secret: test-secret-0123456789",
                "  secret: test-secret-0123456789\n  trusted-authserv-id: mx.helpdesk.test"));

        // an encoded word in the envelope sender, which decoded would read "; dkim=pass header.d=helpdesk.test"
        helpdesk.deliver(withAuthResults("Authentication-Results: mx.helpdesk.test; spf=pass"
                + " smtp.mailfrom==?utf-8?q?x=40evil.example=3B_dkim=3Dpass_header.d=3Dhelpdesk.test?="));
        assertThat(helpdesk.ticket(1).assignee()).as("smuggled encoded word").isEmpty();
        // the sender's own pass below the one our server added on top
        helpdesk.deliver(withAuthResults("Authentication-Results: mx.helpdesk.test; dkim=fail header.d=helpdesk.test",
                "Authentication-Results: mx.helpdesk.test; dkim=pass header.d=helpdesk.test"));
        assertThat(helpdesk.ticket(1).assignee()).as("second header lower down").isEmpty();
        // spf=pass alone
        helpdesk.deliver(withAuthResults("Authentication-Results: mx.helpdesk.test; spf=pass"
                + " smtp.mailfrom=alice@helpdesk.test"));
        assertThat(helpdesk.ticket(1).assignee()).as("spf=pass only").isEmpty();
        assertThat(helpdesk.events(1)).filteredOn(e -> e.type().equals("command-refused")).hasSize(3);
        assertThat(lastText(ALICE)).contains("no aligned dkim or dmarc pass");

        // our server's own verdict on top: Alice is proven
        helpdesk.deliver(withAuthResults("Authentication-Results: mx.helpdesk.test; dkim=pass header.d=helpdesk.test"));
        assertThat(helpdesk.ticket(1).assignee()).contains(ALICE);
        assertThat(lastText(JANE)).contains("has taken your request in charge");
    }

    @Test
    void anUnverifiedSendersMailIsMarkedAndItsAttachmentNeverReachesTheRequester() throws Exception {
        start();
        MimeMessage opened = last(ALICE);
        int janeBefore = helpdesk.received(JANE).size();

        helpdesk.deliver(withAttachment(ALICE, "support@helpdesk.test", "Please pay the attached invoice."));

        List<MimeMessage> toJane = helpdesk.received(JANE).subList(janeBefore, helpdesk.received(JANE).size());
        assertThat(toJane).singleElement().satisfies(m -> {
            assertThat(TestHelpdesk.text(m)).contains("unverified sender", "Please pay the attached invoice.",
                    "1 attachment(s) withheld");
            assertThat(attachmentNames(m)).isEmpty();
        });
        assertThat(helpdesk.events(1)).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("reply");
            assertThat(e.detail()).contains("unverified sender");
        });

        // the same mail to Alice's own reply address: proven, her attachment reaches Jane
        helpdesk.deliver(withAttachment(ALICE, opened.getHeader("Reply-To", null), "Here is the driver."));
        MimeMessage reply = last(JANE);
        assertThat(TestHelpdesk.text(reply)).contains("Here is the driver.").doesNotContain("unverified");
        assertThat(attachmentNames(reply)).containsExactly("invoice.pdf");
    }

    @Test
    void fiveHundredMyticketsMailsGetAtMostTheCapOfAnswers() throws Exception {
        helpdesk = TestHelpdesk.start(dir);
        String sender = "flood@example.net";
        for (int i = 0; i < 500; i++) {
            helpdesk.send(MailAs.newMail(sender, "#mytickets", "list please " + i));
        }
        for (int pass = 0; pass < 3; pass++) {
            helpdesk.runOnce();
        }

        List<MimeMessage> answers = helpdesk.received(sender);
        assertThat(answers).as("the legitimate first ones are answered").isNotEmpty();
        assertThat(answers.size()).as("at most limits.new-tickets-per-sender-per-hour (20)").isLessThanOrEqualTo(20);
        assertThat(helpdesk.guichet.quarantined()).hasSizeGreaterThanOrEqualTo(480)
                .allSatisfy(q -> assertThat(q.reason()).contains("#mytickets answers in the last hour"));
    }

    @Test
    void mailFromASenderOverTheCapIsQuarantinedBeforeItsAttachmentsAreStored() throws Exception {
        helpdesk = TestHelpdesk.start(dir, yaml -> yaml + "limits:\n  new-tickets-per-sender-per-hour: 2\n");
        helpdesk.deliver(MailAs.newMail(JANE, "One", "First."));
        helpdesk.deliver(MailAs.newMail(JANE, "Two", "Second."));

        helpdesk.deliver(withAttachment(JANE, "support@helpdesk.test", "Three", "Third, with a big file."));

        assertThat(helpdesk.ticketCount()).isEqualTo(2);
        assertThat(helpdesk.guichet.quarantined()).singleElement()
                .satisfies(q -> assertThat(q.reason()).contains("opened 2 tickets in the last hour"));
        assertThat(storedFiles(dir.resolve("attachments"))).as("the attachment is not stored")
                .noneMatch(f -> Arrays.equals(read(f), INVOICE));
        assertThat(lastText(JANE)).as("told once").contains("2");
    }

    static final byte[] INVOICE = "%PDF-1.4 pay 1000 EUR to IBAN XX00 0000 unique-invoice-bytes"
            .getBytes(StandardCharsets.US_ASCII);

    private static String withAttachment(String from, String to, String text) {
        return withAttachment(from, to, SUBJECT, text);
    }

    private static String withAttachment(String from, String to, String subject, String text) {
        return "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject + "\r\n"
                + "Message-ID: <att-" + System.nanoTime() + "@example.org>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + text + "\r\n"
                + "--b1\r\nContent-Type: application/pdf; name=\"invoice.pdf\"\r\n"
                + "Content-Disposition: attachment; filename=\"invoice.pdf\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + Base64.getMimeEncoder().encodeToString(INVOICE)
                + "\r\n--b1--\r\n";
    }

    private static List<String> attachmentNames(MimeMessage message) {
        try {
            List<String> names = new ArrayList<>();
            if (message.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    if (Part.ATTACHMENT.equalsIgnoreCase(multipart.getBodyPart(i).getDisposition())) {
                        names.add(multipart.getBodyPart(i).getFileName());
                    }
                }
            }
            return names;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> storedFiles(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
