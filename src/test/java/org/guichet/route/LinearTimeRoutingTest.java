package org.guichet.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.guichet.parse.AdversarialMails.run;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guichet.parse.AdversarialMails;
import org.guichet.parse.AttachmentSink;
import org.guichet.parse.InboundMail;
import org.guichet.parse.MailHeaders;
import org.guichet.parse.MailParser;
import org.junit.jupiter.api.Test;

/**
 * The router's patterns on a megabyte built to make a backtracking pattern run for hours (issue 13's reports among
 * them): each finishes and decides as it would on a short mail.
 */
class LinearTimeRoutingTest {

    @Test
    void anUnclosedSubjectMarkerOfAMillionSpacesIsNoMarker() {
        List<String> notes = new ArrayList<>();
        PriorityChoice choice = new PriorityRules().choose(mail(run("[priority:", ' ', "x"), "Hello"), notes);

        assertThat(choice.priority()).isEqualTo(Priority.NORMAL);
        assertThat(notes).isEmpty();
    }

    @Test
    void aPriorityLineWithAMillionSpacesIsNotRead() {
        PriorityChoice choice = new PriorityRules().choose(mail("Printer", run("priority: x", ' ', "y")),
                new ArrayList<>());

        assertThat(choice.reason()).isEqualTo("priority normal: default");
    }

    @Test
    void aMarkerAfterAMillionSpacesInsideItStillCounts() {
        PriorityChoice choice = new PriorityRules().choose(mail("[priority: high" + " ".repeat(900) + "] x", "Hi"),
                new ArrayList<>());

        assertThat(choice.priority()).isEqualTo(Priority.HIGH);
    }

    @Test
    void subjectTagAndKeywordsReadAMegabyteOfSpaces() {
        SubjectTag tag = new SubjectTag("Helpdesk");

        assertThat(tag.find(run("[Helpdesk", ' ', "x [Helpdesk #42]"))).contains(42L);
        assertThat(tag.find(run("[Helpdesk", ' ', "#"))).isEmpty();
    }

    @Test
    void everyAdversarialMailIsRouted() {
        MailParser parser = new MailParser(AttachmentSink.hashingOnly());
        AutomaticMail automatic = new AutomaticMail("support@example.org", List.of());
        Map<String, byte[]> mails = AdversarialMails.all();
        List<String> notes = new ArrayList<>();

        InboundMail comments = parser.parse(new ByteArrayInputStream(mails.get("unclosed-comments")));
        InboundMail subject = parser.parse(new ByteArrayInputStream(mails.get("subject-priority-marker")));

        assertThat(automatic.reason(comments)).isPresent();
        assertThat(new PriorityRules().choose(subject, notes).priority()).isEqualTo(Priority.NORMAL);
        for (byte[] raw : mails.values()) {
            InboundMail mail = parser.parse(new ByteArrayInputStream(raw));
            assertThat(new PriorityRules().choose(mail, notes)).isNotNull();
            assertThat(automatic.deliveryReport(mail)).isEmpty();
        }
    }

    @Test
    void aDeliveryReportOfAMegabyteOfBlankLinesIsRead() {
        String report = run("Reporting-MTA: dns; mx.example.org\n", '\n', " \n Final-Recipient: rfc822; x@example.com\n"
                + "Status: 5.1.1\n");
        InboundMail bounce = new InboundMail(Optional.empty(), List.of(), List.of(), List.of(), Optional.empty(),
                Optional.empty(), List.of(), List.of(), "Undelivered", "", "", Optional.empty(), List.of(),
                MailHeaders.empty(), List.of(), report);

        DeliveryReport read = new DeliveryReportReader(address -> false).read(bounce);

        assertThat(read.failed()).extracting(DeliveryReport.FailedRecipient::address).containsExactly("x@example.com");
    }

    private static InboundMail mail(String subject, String text) {
        return new InboundMail(Optional.empty(), List.of(), List.of(), List.of(), Optional.empty(), Optional.empty(),
                List.of(), List.of(), subject, text, text, Optional.empty(), List.of(), MailHeaders.empty(),
                List.of(), "");
    }
}
