package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.guichet.store.StatsDataSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code guichet stats} as an administrator reads it: the figures of the hand-computed data set in each format. */
class StatsCommandIT {
    @RegisterExtension
    final TestHelpdesk.Extension helpdesk = TestHelpdesk.extension();

    @BeforeEach
    void insertTheDataSet() throws Exception {
        StatsDataSet.insert(helpdesk.get().guichet.database(), Instant.now());
    }

    @Test
    void jsonGivesEveryFigure() throws Exception {
        Cli.Run run = helpdesk.get().cli().run("stats", "--format", "json");

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode s = new ObjectMapper().readTree(run.out());
        assertThat(s.get("tickets").asInt()).isEqualTo(8);
        assertThat(s.get("byStatus").get("assigned").asInt()).isEqualTo(2);
        assertThat(s.get("byCategory").get("Network").asInt()).isEqualTo(4);
        assertThat(s.get("byService").get("admin").asInt()).isEqualTo(3);
        assertThat(s.get("byPriority").get("very-high").asInt()).isEqualTo(1);
        assertThat(s.get("firstResponse").get("medianSeconds").asDouble()).isEqualTo(5400.0);
        assertThat(s.get("firstResponse").get("p90Seconds").asDouble()).isEqualTo(12600.0);
        assertThat(s.get("resolution").get("medianSeconds").asDouble()).isEqualTo(16200.0);
        assertThat(s.get("reopenRate").asDouble()).isEqualTo(0.25);
        assertThat(s.get("openByAgent").get(0).get("assignee").asText()).isEqualTo("alice@helpdesk.test");
        assertThat(s.get("openByAgent").get(0).get("open").asInt()).isEqualTo(2);
        assertThat(s.get("growth").get("fastest").get(0).get("category").asText()).isEqualTo("Network");
        assertThat(s.get("growth").get("fastest").get(0).get("change").asInt()).isEqualTo(3);
    }

    @Test
    void tableAndCsvShowTheSameFigures() {
        Cli.Run table = helpdesk.get().cli().run("stats");
        Cli.Run csv = helpdesk.get().cli().run("stats", "--format=csv");

        assertThat(table.out()).contains("8 ticket(s) in all")
                .contains("Time to first response: median 1 h 30 min, 90th percentile 3 h 30 min (6 ticket(s))")
                .contains("Time to resolution:     median 4 h 30 min, 90th percentile 8 h 30 min (4 ticket(s))")
                .contains("Reopened: 2 ticket(s), 25.0 %")
                .containsPattern("alice@helpdesk.test +2")
                .containsPattern("\\(unassigned\\) +1")
                .containsPattern("Network +3 +0 +\\+3");
        assertThat(csv.out()).startsWith("section,name,value,previous")
                .contains("status,assigned,2,").contains("first-response,median-seconds,5400.0,")
                .contains("reopen,rate,0.2500,").contains("growth,Network,3,0");
    }

    @Test
    void aSinceThatIsNotADateIsAUsageError() {
        Cli.Run run = helpdesk.get().cli().run("stats", "--since", "last week");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--since 'last week' is not a date: write 2024-09-01 or 2024-09-01T08:00:00Z");
    }
}
