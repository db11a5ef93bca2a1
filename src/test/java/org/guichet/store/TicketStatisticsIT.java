package org.guichet.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.guichet.store.TicketStats.AgentLoad;
import org.guichet.store.TicketStats.CategoryGrowth;
import org.guichet.testdb.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every figure of {@code guichet stats} on {@link StatsDataSet}, against the numbers worked out by hand. */
class TicketStatisticsIT {
    static final Instant NOW = Instant.parse("2024-06-15T12:00:00Z");

    @TempDir
    Path dir;

    Database database;
    TicketStatistics statistics;

    @BeforeEach
    void fill() {
        database = TestDatabase.of(dir).open();
        database.migrate();
        StatsDataSet.insert(database, NOW);
        statistics = new TicketStatistics(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void countsEveryTicketByStatusCategoryServiceAndPriority() {
        TicketStats s = statistics.compute(Optional.empty(), NOW);

        assertThat(s.tickets()).isEqualTo(8);
        assertThat(s.byStatus()).containsExactly(entry("assigned", 2), entry("resolved", 2), entry("cancelled", 1),
                entry("closed", 1), entry("new", 1), entry("waiting", 1));
        assertThat(s.byCategory()).containsExactly(entry("Network", 4), entry("Payroll", 3), entry("Unsorted", 1));
        assertThat(s.byService()).containsExactly(entry("it", 5), entry("admin", 3));
        assertThat(s.byPriority()).containsExactly(entry("normal", 5), entry("high", 1), entry("low", 1),
                entry("very-high", 1));
    }

    @Test
    void firstResponseAndResolutionPercentilesInterpolateLikePercentileCont() {
        TicketStats s = statistics.compute(Optional.empty(), NOW);

        // first responses 30 min, 1 h, 1 h, 2 h, 3 h, 4 h: the median falls between 1 h and 2 h, the 90th
        // percentile half-way from 3 h to 4 h
        assertThat(s.firstResponse().count()).isEqualTo(6);
        assertThat(s.firstResponse().median()).contains(Duration.ofMinutes(90));
        assertThat(s.firstResponse().p90()).contains(Duration.ofMinutes(210));
        // resolutions 2 h, 4 h, 5 h, 10 h: median 4.5 h; 90th percentile at 2.7 of 3 steps, 5 h + 0.7 * 5 h
        assertThat(s.resolution().count()).isEqualTo(4);
        assertThat(s.resolution().median()).contains(Duration.ofMinutes(270));
        assertThat(s.resolution().p90()).contains(Duration.ofMinutes(510));
    }

    @Test
    void reopenRateCountsEachReopenedTicketOnce() {
        TicketStats s = statistics.compute(Optional.empty(), NOW);

        assertThat(s.reopened()).isEqualTo(2);
        assertThat(s.reopenRate()).isEqualTo(0.25);
    }

    @Test
    void openLoadCountsNewAssignedAndWaitingTicketsPerAssignee() {
        TicketStats s = statistics.compute(Optional.empty(), NOW);

        assertThat(s.openByAgent()).containsExactly(new AgentLoad(Optional.of("alice@helpdesk.test"), 2),
                new AgentLoad(Optional.of("bob@helpdesk.test"), 1), new AgentLoad(Optional.empty(), 1));
    }

    @Test
    void growthComparesTheLastSevenDaysWithTheSevenBefore() {
        TicketStats s = statistics.compute(Optional.empty(), NOW);

        assertThat(s.growth().from()).isEqualTo(NOW.minus(Duration.ofDays(7)));
        assertThat(s.growth().previousFrom()).isEqualTo(NOW.minus(Duration.ofDays(14)));
        // Network 3 against 0; Payroll (1 against 2) and Unsorted (0 against 1) did not grow
        assertThat(s.growth().fastest()).containsExactly(new CategoryGrowth("Network", 3, 0));
    }

    @Test
    void sinceKeepsTheTicketsCreatedFromThatInstantOnAndSetsTheGrowthWindow() {
        Instant since = NOW.minus(Duration.ofDays(10));

        TicketStats s = statistics.compute(Optional.of(since), NOW);

        // ticket 4, created exactly at --since, is in; tickets 1 and 6 are out
        assertThat(s.tickets()).isEqualTo(6);
        assertThat(s.byStatus()).containsExactly(entry("assigned", 2), entry("closed", 1), entry("new", 1),
                entry("resolved", 1), entry("waiting", 1));
        assertThat(s.byCategory()).containsExactly(entry("Network", 3), entry("Payroll", 3));
        assertThat(s.firstResponse().median()).contains(Duration.ofHours(2));
        assertThat(s.firstResponse().p90()).contains(Duration.ofMinutes(216));
        assertThat(s.resolution().median()).contains(Duration.ofHours(4));
        assertThat(s.resolution().p90()).contains(Duration.ofMinutes(288));
        assertThat(s.reopened()).isEqualTo(2);
        assertThat(s.reopenRate()).isEqualTo(2.0 / 6);
        // the open load is the load of the moment, whatever --since says
        assertThat(s.openByAgent()).hasSize(3);
        // the ten days before --since hold tickets 1 (Network, exactly 20 days old) and 6 (Unsorted)
        assertThat(s.growth().previousFrom()).isEqualTo(NOW.minus(Duration.ofDays(20)));
        assertThat(s.growth().fastest()).containsExactly(new CategoryGrowth("Payroll", 3, 0),
                new CategoryGrowth("Network", 3, 1));
    }

    @Test
    void subcategoriesTakeInChargeAndTicketsPerAgentByHand() {
        TicketStats s = statistics.compute(Optional.empty(), NOW);

        // Wi-Fi: tickets 1 (answered in 1 h, resolved in 10 h) and 2 (answered in 2 h, open)
        assertThat(s.bySubcategory()).containsExactly(new TicketStats.SubcategoryStats("Network", "Wi-Fi", 2,
                Optional.of(Duration.ofMinutes(90)), Optional.of(Duration.ofHours(10))));
        // first assignee after 10 min (4), 30 min (1; its later change of hands does not count), 1 h (2), 2 h (5):
        // median between 30 min and 1 h, 90th percentile at 2.7 of 3 steps, 1 h + 0.7 h
        assertThat(s.takeInCharge().count()).isEqualTo(4);
        assertThat(s.takeInCharge().median()).contains(Duration.ofMinutes(45));
        assertThat(s.takeInCharge().p90()).contains(Duration.ofMinutes(102));
        assertThat(s.handledByAgent()).containsExactly(new TicketStats.AgentHandled("alice@helpdesk.test", 3),
                new TicketStats.AgentHandled("bob@helpdesk.test", 3));

        // since ten days: tickets 2, 4, 5 were taken in charge, after 1 h, 10 min and 2 h; ticket 1 is out
        TicketStats recent = statistics.compute(Optional.of(NOW.minus(Duration.ofDays(10))), NOW);
        assertThat(recent.takeInCharge().count()).isEqualTo(3);
        assertThat(recent.takeInCharge().median()).contains(Duration.ofHours(1));
        assertThat(recent.takeInCharge().p90()).contains(Duration.ofMinutes(108));
        assertThat(recent.bySubcategory()).containsExactly(new TicketStats.SubcategoryStats("Network", "Wi-Fi", 1,
                Optional.of(Duration.ofHours(2)), Optional.empty()));
        assertThat(recent.handledByAgent()).containsExactly(new TicketStats.AgentHandled("bob@helpdesk.test", 3),
                new TicketStats.AgentHandled("alice@helpdesk.test", 2));
    }

    @Test
    void anEmptyDatabaseHasNoDelaysAndNoRate() {
        database.inTransaction(c -> new Sql(c).update("DELETE FROM ticket_event") + new Sql(c).update("DELETE FROM ticket"));

        TicketStats s = statistics.compute(Optional.empty(), NOW);

        assertThat(s.tickets()).isZero();
        assertThat(s.byStatus()).isEmpty();
        assertThat(s.firstResponse().median()).isEmpty();
        assertThat(s.reopenRate()).isZero();
        assertThat(s.openByAgent()).isEmpty();
        assertThat(s.growth().fastest()).isEmpty();
    }

    private static java.util.Map.Entry<String, Long> entry(String key, long value) {
        return java.util.Map.entry(key, value);
    }
}
