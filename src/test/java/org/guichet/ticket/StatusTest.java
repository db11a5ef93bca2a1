package org.guichet.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "assigned|ASSIGNED", "pris en charge|ASSIGNED", "Prise en charge|ASSIGNED", "waiting|WAITING",
        "en attente|WAITING", "EN  ATTENTE|WAITING", "resolved|RESOLVED", "résolu|RESOLVED", "résolue|RESOLVED",
        "closed|CLOSED", "clos|CLOSED", "fermé|CLOSED", "cancelled|CANCELLED", "annulé|CANCELLED", "new|NEW",
        "nouveau|NEW"})
    void statusesAreReadInEnglishAndFrench(String written, Status status) {
        assertThat(Status.parse(written)).contains(status);
    }

    @ParameterizedTest
    @CsvSource({"sleeping", "done", "''"})
    void otherWordsAreNoStatus(String written) {
        assertThat(Status.parse(written)).isEmpty();
    }
}
