package org.guichet.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnitsTest {

    @ParameterizedTest
    @CsvSource({"30s, 30000", "5m, 300000", "1h, 3600000", "500ms, 500", "45, 45000", "' 2 m ', 120000"})
    void durations(String text, long millis) {
        assertThat(Units.duration(text)).contains(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "0s", "-5s", "1.5s", "5 minutes", "1d", "s", "99999999999999999999"})
    void badDurations(String text) {
        assertThat(Units.duration(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"1048576, 1048576", "50MiB, 52428800", "25 MB, 25000000", "512KiB, 524288", "1GiB, 1073741824",
            "3KB, 3000", "2gb, 2000000000", "10 B, 10"})
    void sizes(String text, long bytes) {
        assertThat(Units.size(text)).contains(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "0MiB", "-1", "1.5MiB", "25 MO", "MiB", "9999999999GiB"})
    void badSizes(String text) {
        assertThat(Units.size(text)).isEmpty();
    }
}
