package org.guichet.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.guichet.config.GuichetConfig;
import org.guichet.parse.AttachmentSink;
import org.guichet.parse.InboundMail;
import org.guichet.parse.MailParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every mail under src/test/resources/automatic is written by a machine and must be recognised, with the reason an
 * agent would expect; every mail under src/test/resources/human is written by a person and must not be. Each file
 * is named after what it is.
 */
class AutomaticMailCorpusTest {
    private static final Path AUTOMATIC = Path.of("src/test/resources/automatic");
    private static final Path HUMAN = Path.of("src/test/resources/human");
    private static final GuichetConfig CONFIG = TestMails.demoConfig();
    private static final TicketDirectory NO_TICKETS = new TicketDirectory() {
        @Override
        public Optional<TicketRef> byNumber(long number) {
            return Optional.empty();
        }

        @Override
        public Optional<TicketRef> byMessageIds(java.util.Collection<String> messageIds) {
            return Optional.empty();
        }
    };

    private final MailParser parser = new MailParser(AttachmentSink.hashingOnly());
    private final AutomaticMail automatic = AutomaticMail.of(CONFIG);
    private final Router router = new Router(CONFIG, new SubjectTag("Helpdesk"), TestMails.plus(CONFIG));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        auto-submitted-auto-notified-sieve-notify.eml|Auto-Submitted: auto-notified; owner-email="j.martin@univ-exemple.fr"
        auto-submitted-generated-with-comment-monitoring.eml|Auto-Submitted: Auto-Generated (monitoring)
        bounce-exchange-online-ndr-5.1.1.eml|delivery report (multipart/report)
        bounce-exim-x-failed-recipients-5.1.1.eml|delivery report (X-Failed-Recipients: k.nguyen@partner.example)
        bounce-gmail-address-not-found-5.1.1.eml|delivery report (multipart/report)
        bounce-gmail-inbox-full-4.2.2.eml|delivery report (multipart/report)
        bounce-postfix-4.2.2-mailbox-full-gave-up.eml|delivery report (multipart/report)
        bounce-postfix-5.1.1-user-unknown.eml|delivery report (multipart/report)
        bounce-postfix-delayed-warning-4.2.2.eml|delivery report (multipart/report)
        bounce-postfix-two-recipients-5.1.1-and-4.2.2.eml|delivery report (multipart/report)
        bounce-qmail-failure-notice-5.1.1.eml|sent by MAILER-DAEMON (mailer-daemon@mail.smallhost.example)
        bounce-sendmail-returned-mail-5.1.1.eml|delivery report (multipart/report)
        cron-daemon-output.eml|Auto-Submitted: auto-generated
        empty-return-path-vacation-program.eml|empty Return-Path (a null sender, used by automatic replies)
        exchange-2016-oof-auto-replied-external.eml|Auto-Submitted: auto-replied
        exchange-inbox-rule-reply-with-template.eml|Auto-Submitted: auto-generated
        exchange-inbox-rules-loop-names-helpdesk.eml|X-MS-Exchange-Inbox-Rules-Loop: support@helpdesk.test names the helpdesk
        github-notification.eml|mailing list (List-Id: univ-exemple/printers <printers.univ-exemple.github.com>)
        gmail-vacation-responder-english.eml|Auto-Submitted: auto-replied
        gmail-vacation-responder-french.eml|Auto-Submitted: auto-replied
        google-groups-list-mail.eml|Precedence: list
        icloud-auto-reply.eml|Auto-Submitted: auto-replied
        jira-service-management-notification.eml|Auto-Submitted: auto-generated
        list-id-sympa-only.eml|mailing list (List-Id: <it-staff.listes.univ-exemple.fr>)
        list-unsubscribe-only-marketing.eml|mailing list (List-Unsubscribe)
        otrs-auto-reply.eml|Precedence: bulk
        outlook-exchange-online-automatic-reply.eml|Auto-Submitted: auto-generated
        outlook-exchange-reponse-automatique-french.eml|Auto-Submitted: auto-generated
        own-address-in-capitals.eml|sent by the helpdesk's own address support@helpdesk.test
        own-address-notification-bounced-back-by-forward.eml|sent by the helpdesk's own address support@helpdesk.test
        own-address-plus-ticket-reply-address.eml|sent by the helpdesk's own address support+42-3f9a0c1b2d@helpdesk.test
        postmaster-quarantine-notice.eml|sent by postmaster (postmaster@example.org)
        precedence-auto-reply-vacation-script.eml|Precedence: auto_reply
        precedence-bulk-sendgrid-newsletter.eml|Precedence: bulk
        precedence-junk-old-autoresponder.eml|Precedence: junk
        precedence-list-without-list-headers.eml|Precedence: list
        read-receipt-outlook-lu.eml|read receipt (multipart/report; report-type=disposition-notification)
        read-receipt-thunderbird-mdn.eml|read receipt (multipart/report; report-type=disposition-notification)
        request-tracker-autoreply.eml|Precedence: bulk
        sieve-vacation-dovecot-pigeonhole.eml|Auto-Submitted: auto-replied (vacation)
        thunderbird-reply-with-template-filter.eml|Auto-Submitted: auto-replied
        x-autogenerated-reply-groupwise.eml|X-Autogenerated: Reply
        x-autoreply-plesk-autoresponder.eml|X-Autoreply: yes
        x-autorespond-cpanel-autoresponder.eml|X-Autorespond: Auto: [Helpdesk #85] Order
        x-loop-names-helpdesk-procmail.eml|X-Loop: support@helpdesk.test names the helpdesk
        zammad-acknowledgement.eml|Auto-Submitted: auto-generated
        zimbra-out-of-office.eml|Auto-Submitted: auto-replied (zimbra; vacation)
        """)
    void everyAutomaticMailIsRecognisedWithItsReason(String file, String reason) throws IOException {
        InboundMail mail = parse(AUTOMATIC.resolve(file));

        assertThat(automatic.reason(mail)).contains(reason);
        assertThat(router.decide(mail, NO_TICKETS).automatic()).contains(reason);
        assertThat(mail.problems()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("humanMails")
    void noHumanMailIsTakenForAutomatic(Path file) throws IOException {
        InboundMail mail = parse(file);
        Decision decision = router.decide(mail, NO_TICKETS);

        assertThat(decision.automatic()).isEmpty();
        assertThat(decision.deliveryReport()).isEmpty();
        assertThat(decision.reasons()).noneMatch(reason -> reason.startsWith("automatic mail"));
    }

    @Test
    void bothSetsAreLargeAndEveryAutomaticFileHasItsExpectedReason() throws IOException {
        assertThat(files(HUMAN)).hasSizeGreaterThanOrEqualTo(40);
        List<String> listed = List.of(AutomaticMailCorpusTest.class.getDeclaredMethods()).stream()
                .filter(m -> m.getName().equals("everyAutomaticMailIsRecognisedWithItsReason"))
                .map(m -> m.getAnnotation(CsvSource.class).textBlock()).findFirst().orElseThrow()
                .lines().map(String::strip).filter(l -> !l.isEmpty()).map(l -> l.substring(0, l.indexOf('|')))
                .toList();
        assertThat(listed).hasSizeGreaterThanOrEqualTo(40)
                .containsExactlyInAnyOrderElementsOf(files(AUTOMATIC).stream().map(p -> p.getFileName().toString())
                        .toList());
    }

    static Stream<Path> humanMails() throws IOException {
        return files(HUMAN).stream();
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".eml")).sorted().toList();
        }
    }

    private InboundMail parse(Path file) throws IOException {
        return parser.parse(Files.readAllBytes(file));
    }
}
