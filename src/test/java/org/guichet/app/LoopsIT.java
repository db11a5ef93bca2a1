package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Automatic mail and mail robots (issue 6): no ticket, no answer, bounces linked, loops stopped by the caps. */
class LoopsIT {
    static final String JANE = "jane@example.org";
    static final String ALICE = "alice@helpdesk.test";

    @TempDir
    Path dir;

    TestHelpdesk helpdesk;

    @AfterEach
    void stop() {
        helpdesk.close();
    }

    @Test
    void noAutomaticMailOpensATicketOrCausesAnOutgoingMail() throws Exception {
        helpdesk = TestHelpdesk.start(dir);
        List<Path> automatic;
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/automatic"))) {
            automatic = files.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        }
        assertThat(automatic).hasSizeGreaterThanOrEqualTo(40);
        for (Path file : automatic) {
            helpdesk.append(Files.readAllBytes(file));
        }
        helpdesk.runOnce();

        assertThat(helpdesk.ticketCount()).isZero();
        assertThat(helpdesk.guichet.outbox().unsent()).isEmpty();
        assertThat(helpdesk.mail.findReceivedMessages(u -> !u.getEmail().equals(TestHelpdesk.SUPPORT), m -> true))
                .as("nothing was sent to anyone").isEmpty();
        assertThat(helpdesk.read(TestHelpdesk.SUPPORT, "Processed")).hasSize(automatic.size());
    }

    @Test
    void aBounceAboutANotificationIsKeptOnItsTicketAndStopsMailToThatAddress() throws Exception {
        helpdesk = TestHelpdesk.start(dir);
        helpdesk.deliver(MailAs.newMail(JANE, "Printer in room 12", "Blank pages."));
        helpdesk.deliver(MailAs.reply(helpdesk.received(ALICE).get(0), ALICE, "#invite nobody@example.org"));
        MimeMessage invitation = helpdesk.received("nobody@example.org").get(0);

        helpdesk.deliver(bounce(invitation.getMessageID(), "nobody@example.org", "5.1.1"));

        assertThat(helpdesk.ticketCount()).isEqualTo(1);
        assertThat(helpdesk.events(1)).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("undeliverable");
            assertThat(e.to()).contains("nobody@example.org");
            assertThat(e.detail()).contains("5.1.1");
        });
        var messages = helpdesk.guichet.tickets().inTransaction(tx -> tx.detail(1)).orElseThrow().messages();
        assertThat(messages.get(messages.size() - 1).internal()).as("the bounce is kept as a note").isTrue();

        int before = helpdesk.received("nobody@example.org").size();
        helpdesk.deliver(MailAs.reply(helpdesk.received(ALICE).get(0), ALICE, "#resolve"));
        assertThat(helpdesk.received("nobody@example.org")).hasSize(before);
        assertThat(helpdesk.events(1)).anySatisfy(e -> assertThat(e.type()).isEqualTo("notification-skipped"));
        assertThat(helpdesk.received(JANE)).last().satisfies(m -> assertThat(TestHelpdesk.text(m)).contains("resolved"));
    }

    @Test
    void aRobotOpeningTicketsStopsAtTheHourlyCapAndIsToldOnce() throws Exception {
        helpdesk = TestHelpdesk.start(dir, yaml -> yaml + "limits:\n  new-tickets-per-sender-per-hour: 4\n",
                Clock.systemUTC());
        String robot = "robot@example.net";
        helpdesk.deliver(MailAs.newMail(robot, "Hello", "Anyone there?"));
        // the robot answers every mail it gets with a new mail of its own, no header saying it is a robot
        runRobots(List.of(robot), (from, mail) -> MailAs.newMail(from, "Thank you for your message", "Received."));

        assertThat(helpdesk.ticketCount()).isEqualTo(4);
        List<String> got = helpdesk.received(robot).stream().map(TestHelpdesk::text).toList();
        assertThat(got).filteredOn(t -> t.contains("most one address can open in an hour")).hasSize(1);
        assertThat(got).hasSize(5);
        assertThat(helpdesk.read(TestHelpdesk.SUPPORT, "Quarantine")).hasSizeGreaterThanOrEqualTo(1);
    }

    @Test
    void twoRobotsAnsweringEachOtherStopAtThePerRecipientCap() throws Exception {
        helpdesk = TestHelpdesk.start(dir, yaml -> yaml + "limits:\n  notifications-per-ticket-per-10-minutes: 3\n",
                Clock.systemUTC());
        String requesterRobot = "robot@example.net";
        helpdesk.deliver(MailAs.newMail(requesterRobot, "Printer", "Blank pages."));
        // alice's mailbox has an auto-responder too: each side answers every mail, threaded, no robot header
        runRobots(List.of(requesterRobot, ALICE), (from, mail) -> MailAs.reply(mail, from, "Noted, thank you."));

        assertThat(helpdesk.ticketCount()).isEqualTo(1);
        assertThat(helpdesk.received(requesterRobot)).hasSizeLessThanOrEqualTo(3);
        assertThat(helpdesk.received(ALICE)).hasSizeLessThanOrEqualTo(3);
        assertThat(helpdesk.events(1)).anySatisfy(e -> assertThat(e.type()).isEqualTo("notification-capped"));
    }

    interface Robot {
        String answer(String from, MimeMessage mail) throws Exception;
    }

    /** Lets the robots answer every new mail they receive, round after round, until nothing new arrives. */
    private void runRobots(List<String> robots, Robot robot) throws Exception {
        Map<String, Integer> seen = new HashMap<>();
        for (int round = 0; round < 40; round++) {
            boolean answered = false;
            for (String address : robots) {
                List<MimeMessage> mails = helpdesk.received(address);
                for (MimeMessage m : mails.subList(seen.getOrDefault(address, 0), mails.size())) {
                    helpdesk.send(robot.answer(address, m));
                    answered = true;
                }
                seen.put(address, mails.size());
            }
            helpdesk.runOnce();
            if (!answered) {
                return;
            }
        }
        throw new AssertionError("the robots were still writing after 40 rounds: no cap stopped the loop");
    }

    private static String bounce(String originalId, String failed, String status) {
        return """
                From: Mail Delivery System <MAILER-DAEMON@mx.example.org>
                To: support@helpdesk.test
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <bounce-1@mx.example.org>
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="B"

                --B
                Content-Type: text/plain

                I'm sorry to have to inform you that your message could not be delivered.

                --B
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.org

                Final-Recipient: rfc822; %s
                Action: failed
                Status: %s
                Diagnostic-Code: smtp; 550 5.1.1 User unknown

                --B
                Content-Type: text/rfc822-headers

                From: Test Helpdesk <support@helpdesk.test>
                To: %s
                Subject: [Helpdesk #1] Printer in room 12
                Message-ID: %s

                --B--
                """.formatted(failed, status, failed, originalId).replace("\n", "\r\n");
    }
}
