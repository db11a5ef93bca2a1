package org.guichet.store;

import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.guichet.store.TicketStats.AgentHandled;
import org.guichet.store.TicketStats.AgentLoad;

/**
 * The counts of {@code guichet stats} from one scan of the tickets: by status, category, service and priority,
 * per assignee, and how many have each delay. The scan groups by the five columns at once (a few thousand
 * groups at most), in the order of the index that holds them (V120), so the database streams the groups
 * without hashing a million rows; they are summed up here by dimension, as H2 has no GROUPING SETS.
 */
final class TicketCounts {
    private static final List<String> DIMENSIONS = List.of("status", "category", "service", "priority");
    private static final Set<String> OPEN = Set.of("new", "assigned", "waiting");
    private final Map<String, Map<String, Long>> byDimension = new LinkedHashMap<>();
    private final Map<String, Long> handled = new HashMap<>();
    private final Map<Optional<String>, Long> open = new HashMap<>();
    private long answered;
    private long resolved;

    private TicketCounts() {
        DIMENSIONS.forEach(d -> byDimension.put(d, new HashMap<>()));
    }

    /** The counts of the tickets created in the period (all tickets when the condition is empty). */
    static TicketCounts scan(Sql sql, String where, Object... params) {
        TicketCounts counts = new TicketCounts();
        sql.list("SELECT t.status, t.category, t.service, t.priority, t.assignee, COUNT(*) AS n,"
                + " COUNT(t.first_response_ms) AS fr, COUNT(t.resolution_ms) AS rs FROM ticket t" + where
                + " GROUP BY t.status, t.category, t.service, t.priority, t.assignee", rs -> {
                    counts.add(rs.getString("status"), rs.getString("category"), rs.getString("service"),
                            rs.getString("priority"), rs.getString("assignee"), rs.getLong("n"));
                    counts.answered += rs.getLong("fr");
                    counts.resolved += rs.getLong("rs");
                    return null;
                }, params);
        counts.byDimension.replaceAll((d, m) -> largestFirst(m));
        return counts;
    }

    private void add(String status, String category, String service, String priority, String assignee, long n) {
        List<String> values = List.of(status, category, service, priority);
        for (int i = 0; i < DIMENSIONS.size(); i++) {
            byDimension.get(DIMENSIONS.get(i)).merge(values.get(i), n, Long::sum);
        }
        if (assignee != null) {
            handled.merge(assignee, n, Long::sum);
        }
        if (OPEN.contains(status)) {
            open.merge(Optional.ofNullable(assignee), n, Long::sum);
        }
    }

    Map<String, Long> by(String dimension) {
        return byDimension.get(dimension);
    }

    long total() {
        return byDimension.get("status").values().stream().mapToLong(Long::longValue).sum();
    }

    long answered() {
        return answered;
    }

    long resolved() {
        return resolved;
    }

    /** The tickets of the scan per assignee, most first, then by address. */
    List<AgentHandled> handledByAgent() {
        return handled.entrySet().stream().map(e -> new AgentHandled(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(AgentHandled::tickets).reversed()
                        .thenComparing(AgentHandled::assignee)).toList();
    }

    /**
     * The open tickets of the scan per assignee, most first, the unassigned last among equals: the load of the
     * moment only when the scan read every ticket.
     */
    List<AgentLoad> openByAgent() {
        return open.entrySet().stream().map(e -> new AgentLoad(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(AgentLoad::open).reversed()
                        .thenComparing(a -> a.assignee().orElse(null), Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    private static Map<String, Long> largestFirst(Map<String, Long> counts) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return Collections.unmodifiableMap(sorted);
    }
}
