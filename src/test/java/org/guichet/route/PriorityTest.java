package org.guichet.route;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PriorityTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "very-low|VERY_LOW", "very low|VERY_LOW", "Very_Low|VERY_LOW", "très basse|VERY_LOW", "TRES BASSE|VERY_LOW",
        "low|LOW", "LOW|LOW", "basse|LOW", "bas|LOW",
        "normal|NORMAL", "Normale|NORMAL",
        "high|HIGH", "élevée|HIGH", "ELEVEE|HIGH", "élevé|HIGH", "haute|HIGH",
        "very-high|VERY_HIGH", "very high|VERY_HIGH", "  Very   High |VERY_HIGH", "très élevée|VERY_HIGH",
        "tres elevee|VERY_HIGH", "Très-Élevée|VERY_HIGH", "très haute|VERY_HIGH"})
    void everyLevelIsReadInEnglishOrFrenchIgnoringCaseAccentsAndSeparators(String name, Priority level) {
        assertThat(Priority.parse(name)).contains(level);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "asap", "urgent", "1", "highest", "very", "high!", "très"})
    void anythingElseIsNoLevel(String name) {
        assertThat(Priority.parse(name)).isEmpty();
    }
}
