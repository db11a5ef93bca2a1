package org.guichet.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.guichet.config.GuichetConfig;
import org.junit.jupiter.api.Test;

/** The whole decision for one mail: every rule's outcome and reason, in the order the event log shows them. */
class RouterTest {
    private static final GuichetConfig CONFIG = TestMails.demoConfig();
    private final Router router = new Router(CONFIG, new SubjectTag("Helpdesk"), TestMails.plus(CONFIG));

    /** One open ticket, #42, found by its number or by the Message-ID of its acknowledgement. */
    private static final TicketDirectory ONE_TICKET = new TicketDirectory() {
        private final TicketRef ticket = new TicketRef(42, "marie.dupont@example.org", Set.of(), "admin", true);

        @Override
        public Optional<TicketRef> byNumber(long number) {
            return number == 42 ? Optional.of(ticket) : Optional.empty();
        }

        @Override
        public Optional<TicketRef> byMessageIds(Collection<String> messageIds) {
            return messageIds.contains("ack-42@helpdesk.test") ? Optional.of(ticket) : Optional.empty();
        }
    };

    @Test
    void aNewMailGetsCategorySubcategoryServiceAndPriorityWithTheirReasons() {
        Decision decision = router.decide(TestMails.mail("[priorité : très élevée] Problème de Wi-Fi", "Bonjour"),
                ONE_TICKET);

        assertThat(decision.automatic()).isEmpty();
        assertThat(decision.isFollowUp()).isFalse();
        assertThat(decision.category()).isEqualTo("Network");
        assertThat(decision.subcategory()).contains("Wi-Fi");
        assertThat(decision.service()).isEqualTo("it");
        assertThat(decision.priority()).isEqualTo(Priority.VERY_HIGH);
        assertThat(decision.reasons()).containsExactly(
                "category Network/Wi-Fi: keyword 'wi-fi' in subject",
                "priority very-high: subject marker [priorité : très élevée]");
        assertThat(decision.deliveryReport()).isEmpty();
    }

    @Test
    void aMailWithNothingToSayGoesToTheDefaultCategoryAtNormalPriority() {
        Decision decision = router.decide(TestMails.mail("Question", "Hello"), ONE_TICKET);

        assertThat(decision.category()).isEqualTo("Unsorted");
        assertThat(decision.subcategory()).isEmpty();
        assertThat(decision.service()).isEqualTo("it");
        assertThat(decision.priority()).isEqualTo(Priority.NORMAL);
        assertThat(decision.reasons()).containsExactly("category Unsorted: default category",
                "priority normal: default");
    }

    @Test
    void aFollowUpStillShowsWhatANewTicketWouldGetButNamesItsTicketFirst() {
        Decision decision = router.decide(TestMails.mail("Re: my payslip", "Hello",
                "In-Reply-To: <ack-42@helpdesk.test>", "X-Priority: 1 (Highest)"), ONE_TICKET);

        assertThat(decision.thread()).contains(new ThreadMatch(42, ThreadMatch.By.REFERENCES));
        assertThat(decision.reasons()).containsExactly("follow-up of ticket #42 by references",
                "category Payroll: keyword 'payslip' in subject", "priority very-high: X-Priority: 1 (Highest)");
    }

    @Test
    void anAutomaticMailSaysSoFirstAndABounceCarriesItsReport() {
        Decision decision = router.decide(TestMails.mailFrom("MAILER-DAEMON@mx.example.org", "Undelivered Mail",
                "<bob@example.org>: host mx.example.org said: 550 5.1.1 User unknown", "Return-Path: <>"), ONE_TICKET);

        assertThat(decision.automatic()).contains("sent by MAILER-DAEMON (mailer-daemon@mx.example.org)");
        assertThat(decision.reasons().get(0))
                .isEqualTo("automatic mail: sent by MAILER-DAEMON (mailer-daemon@mx.example.org)");
        assertThat(decision.deliveryReport().orElseThrow().failed()).containsExactly(
                new DeliveryReport.FailedRecipient("bob@example.org", Optional.of("5.1.1")));
    }

    @Test
    void anUnknownPriorityMarkerIsExplainedBeforeThePriorityChosen() {
        Decision decision = router.decide(TestMails.mail("[priority: asap] printer", "Hello"), ONE_TICKET);

        assertThat(decision.reasons()).isEqualTo(List.of("category Hardware: keyword 'printer' in subject",
                "subject marker [priority: asap] names no priority level; it was ignored",
                "priority normal: default"));
    }

    @Test
    void aReplyAddressThreadsWithItsRecipientsTokenOrForParticipantsOnly() {
        PlusAddress plus = TestMails.plus(CONFIG);
        String maries = plus.addressFor(42, "marie.dupont@example.org");

        assertThat(router.decide(TestMails.mail("Re: VPN", "merci", "To: " + maries), ONE_TICKET).thread())
                .contains(new ThreadMatch(42, ThreadMatch.By.PLUS_ADDRESS));
        // a number guessed by the requester still threads; by a stranger, it opens a new ticket
        assertThat(router.decide(TestMails.mail("Re: VPN", "merci", "To: support+42@helpdesk.test"), ONE_TICKET)
                .thread()).contains(new ThreadMatch(42, ThreadMatch.By.PLUS_ADDRESS));
        assertThat(router.decide(TestMails.mailFrom("mallory@evil.example", "Re: VPN", "hi", "To: " + maries),
                ONE_TICKET).thread()).isEmpty();
        assertThat(router.decide(TestMails.mailFrom("mallory@evil.example", "Re: VPN", "hi",
                "To: support+42@helpdesk.test"), ONE_TICKET).thread()).isEmpty();
    }
}
