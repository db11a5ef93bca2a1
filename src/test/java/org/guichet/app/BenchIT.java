package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code guichet bench} end to end on its embedded GreenMail, with tiny numbers. */
class BenchIT {

    @Test
    void reportsEveryFigureAndAccountsForEveryMail() throws Exception {
        JsonNode r = BenchReportCheck.run();

        BenchReportCheck.consistent(r);
        assertThat(r.get("server").asText()).startsWith("embedded GreenMail");
        assertThat(r.get("cpuIncludesMailServer").asBoolean()).isTrue();
    }
}
