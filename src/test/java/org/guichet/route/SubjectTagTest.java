package org.guichet.route;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubjectTagTest {
    private final SubjectTag tag = new SubjectTag("Helpdesk");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[Helpdesk #42] Wi-Fi drops every hour|42",
        "Re: [Helpdesk #42] Wi-Fi drops every hour|42",
        "RE : TR: [helpdesk #7] printer|7",
        "AW: Fwd: [Helpdesk#12]|12",
        "Question about [Helpdesk # 3] and more|3"})
    void findsTheTicketNumberAnywhereAfterAnyPrefix(String subject, long number) {
        assertThat(tag.find(subject)).contains(number);
    }

    @Test
    void anotherTagOrNoNumberIsNoTicket() {
        assertThat(tag.find("[Support #42] hello")).isEmpty();
        assertThat(tag.find("[Helpdesk] hello")).isEmpty();
        assertThat(tag.find("Helpdesk #42")).isEmpty();
    }

    @Test
    void aNewTicketsSubjectLosesReplyPrefixesAndTags() {
        assertThat(tag.strip("Re: Fwd: [Helpdesk #42]  Printer   jammed")).isEqualTo("Printer jammed");
        assertThat(tag.subjectFor(5, "Printer jammed")).isEqualTo("[Helpdesk #5] Printer jammed");
    }
}
