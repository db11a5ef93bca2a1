package org.guichet.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the load and the recurring problems are: the tickets created in a period counted by status,
 * category, service and priority, how fast they were answered and resolved, how often they were reopened,
 * the open load of each agent, and the categories that grow fastest.
 */
public record TicketStats(Instant at, Optional<Instant> since, long tickets, Map<String, Long> byStatus,
        Map<String, Long> byCategory, Map<String, Long> byService, Map<String, Long> byPriority,
        Delays firstResponse, Delays resolution, long reopened, List<AgentLoad> openByAgent, Growth growth,
        List<SubcategoryStats> bySubcategory, Delays takeInCharge, List<AgentHandled> handledByAgent) {

    public TicketStats {
        Objects.requireNonNull(at);
        Objects.requireNonNull(since);
        Objects.requireNonNull(byStatus);
        Objects.requireNonNull(byCategory);
        Objects.requireNonNull(byService);
        Objects.requireNonNull(byPriority);
        Objects.requireNonNull(firstResponse);
        Objects.requireNonNull(resolution);
        openByAgent = List.copyOf(openByAgent);
        Objects.requireNonNull(growth);
        bySubcategory = List.copyOf(bySubcategory);
        Objects.requireNonNull(takeInCharge);
        handledByAgent = List.copyOf(handledByAgent);
    }

    /** The share of the tickets that were reopened at least once, 0 when there are no tickets. */
    public double reopenRate() {
        return tickets == 0 ? 0 : (double) reopened / tickets;
    }

    /** Median and 90th percentile of a delay over the {@code count} tickets that have it. */
    public record Delays(long count, Optional<Duration> median, Optional<Duration> p90) {
        public static Delays none() {
            return new Delays(0, Optional.empty(), Optional.empty());
        }
    }

    /** The open tickets (new, assigned, waiting) of one assignee; an empty assignee means not yet assigned. */
    public record AgentLoad(Optional<String> assignee, long open) {
    }

    /** The tickets of one subcategory and their median delays to first response and to resolution. */
    public record SubcategoryStats(String category, String subcategory, long tickets,
            Optional<Duration> firstResponseMedian, Optional<Duration> resolutionMedian) {
    }

    /** The tickets of the period assigned to one agent, whatever their status now. */
    public record AgentHandled(String assignee, long tickets) {
    }

    /** Tickets per category in the recent window and in the window of the same length before it. */
    public record Growth(Instant from, Instant to, Instant previousFrom, List<CategoryGrowth> fastest) {
        public Growth {
            fastest = List.copyOf(fastest);
        }
    }

    /** One category's count in both windows; listed fastest-growing first. */
    public record CategoryGrowth(String category, long recent, long previous) {
        public long change() {
            return recent - previous;
        }
    }
}
