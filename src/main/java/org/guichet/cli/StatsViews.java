package org.guichet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.guichet.store.TicketStats;
import org.guichet.store.TicketStats.AgentLoad;
import org.guichet.store.TicketStats.CategoryGrowth;
import org.guichet.store.TicketStats.Delays;

/** The three shapes of {@code guichet stats}: sections of tables, one JSON object, or long-format CSV rows. */
final class StatsViews {
    private static final String UNASSIGNED = "(unassigned)";

    private StatsViews() {
    }

    static Map<String, Object> json(TicketStats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", TicketViews.iso(s.at()));
        m.put("since", s.since().map(TicketViews::iso).orElse(null));
        m.put("tickets", s.tickets());
        m.put("byStatus", s.byStatus());
        m.put("byCategory", s.byCategory());
        m.put("byService", s.byService());
        m.put("byPriority", s.byPriority());
        m.put("firstResponse", delays(s.firstResponse()));
        m.put("resolution", delays(s.resolution()));
        m.put("reopened", s.reopened());
        m.put("reopenRate", s.reopenRate());
        m.put("openByAgent", s.openByAgent().stream().map(a -> Map.of("assignee", a.assignee().orElse(""),
                "open", a.open())).toList());
        Map<String, Object> growth = new LinkedHashMap<>();
        growth.put("from", TicketViews.iso(s.growth().from()));
        growth.put("to", TicketViews.iso(s.growth().to()));
        growth.put("previousFrom", TicketViews.iso(s.growth().previousFrom()));
        growth.put("fastest", s.growth().fastest().stream().map(g -> Map.of("category", g.category(),
                "recent", g.recent(), "previous", g.previous(), "change", g.change())).toList());
        m.put("growth", growth);
        m.put("bySubcategory", s.bySubcategory().stream().map(c -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("category", c.category());
            row.put("subcategory", c.subcategory());
            row.put("tickets", c.tickets());
            row.put("firstResponseMedianSeconds", c.firstResponseMedian().map(StatsViews::seconds).orElse(null));
            row.put("resolutionMedianSeconds", c.resolutionMedian().map(StatsViews::seconds).orElse(null));
            return row;
        }).toList());
        m.put("takeInCharge", delays(s.takeInCharge()));
        m.put("handledByAgent", s.handledByAgent().stream().map(a -> Map.of("assignee", a.assignee(),
                "tickets", a.tickets())).toList());
        return m;
    }

    private static Map<String, Object> delays(Delays d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tickets", d.count());
        m.put("medianSeconds", d.median().map(StatsViews::seconds).orElse(null));
        m.put("p90Seconds", d.p90().map(StatsViews::seconds).orElse(null));
        return m;
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    /** One row a figure: section, name, value, and the previous count for the growth rows. */
    static void csv(PrintWriter out, TicketStats s) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("tickets", "total", s.tickets(), ""));
        counts(rows, "status", s.byStatus());
        counts(rows, "category", s.byCategory());
        counts(rows, "service", s.byService());
        counts(rows, "priority", s.byPriority());
        delayRows(rows, "first-response", s.firstResponse());
        delayRows(rows, "resolution", s.resolution());
        rows.add(List.of("reopen", "tickets", s.reopened(), ""));
        rows.add(List.of("reopen", "rate", String.format(Locale.ROOT, "%.4f", s.reopenRate()), ""));
        s.openByAgent().forEach(a -> rows.add(List.of("open-by-agent", a.assignee().orElse(UNASSIGNED), a.open(), "")));
        s.growth().fastest().forEach(g -> rows.add(List.of("growth", g.category(), g.recent(), g.previous())));
        s.bySubcategory().forEach(c -> rows.add(List.of("subcategory", c.category() + "/" + c.subcategory(),
                c.tickets(), "")));
        delayRows(rows, "take-in-charge", s.takeInCharge());
        s.handledByAgent().forEach(a -> rows.add(List.of("handled-by-agent", a.assignee(), a.tickets(), "")));
        try {
            CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                    .setHeader("section", "name", "value", "previous").get());
            printer.printRecords(rows);
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void counts(List<List<Object>> rows, String section, Map<String, Long> counts) {
        counts.forEach((name, n) -> rows.add(List.of(section, name, n, "")));
    }

    private static void delayRows(List<List<Object>> rows, String section, Delays d) {
        rows.add(List.of(section, "tickets", d.count(), ""));
        rows.add(List.of(section, "median-seconds", d.median().map(StatsViews::seconds).map(Object.class::cast)
                .orElse(""), ""));
        rows.add(List.of(section, "p90-seconds", d.p90().map(StatsViews::seconds).map(Object.class::cast)
                .orElse(""), ""));
    }

    static void table(PrintWriter out, TicketStats s) {
        out.printf("%d ticket(s) %s%n", s.tickets(), s.since().map(d -> "created since " + TicketViews.iso(d))
                .orElse("in all"));
        section(out, "status", s.byStatus());
        section(out, "category", s.byCategory());
        section(out, "service", s.byService());
        section(out, "priority", s.byPriority());
        out.println();
        out.printf("Time to first response: %s%n", delayLine(s.firstResponse()));
        out.printf("Time to resolution:     %s%n", delayLine(s.resolution()));
        out.printf("Time to take in charge: %s%n", delayLine(s.takeInCharge()));
        out.printf(Locale.ROOT, "Reopened: %d ticket(s), %.1f %%%n", s.reopened(), 100 * s.reopenRate());
        out.println();
        out.println("Open tickets per agent (new, assigned, waiting; whatever their date):");
        Table.print(out, List.of("assignee", "open"), s.openByAgent().stream().map(StatsViews::loadRow).toList());
        out.println();
        out.println("Tickets per agent (assigned to them, whatever their status):");
        Table.print(out, List.of("assignee", "tickets"), s.handledByAgent().stream()
                .map(a -> Map.<String, Object>of("assignee", a.assignee(), "tickets", a.tickets())).toList());
        if (!s.bySubcategory().isEmpty()) {
            out.println();
            out.println("Subcategories:");
            Table.print(out, List.of("subcategory", "tickets", "first response (median)", "resolution (median)"),
                    s.bySubcategory().stream().map(c -> Map.<String, Object>of("subcategory", c.category() + "/"
                            + c.subcategory(), "tickets", c.tickets(), "first response (median)",
                            human(c.firstResponseMedian()), "resolution (median)", human(c.resolutionMedian())))
                            .toList());
        }
        out.println();
        out.printf("Fastest-growing categories, %s..%s against %s..%s:%n", TicketViews.iso(s.growth().from()),
                TicketViews.iso(s.growth().to()), TicketViews.iso(s.growth().previousFrom()),
                TicketViews.iso(s.growth().from()));
        if (s.growth().fastest().isEmpty()) {
            out.println("No category grew.");
        } else {
            Table.print(out, List.of("category", "recent", "previous", "change"),
                    s.growth().fastest().stream().map(StatsViews::growthRow).toList());
        }
    }

    private static void section(PrintWriter out, String name, Map<String, Long> counts) {
        out.println();
        List<Map<String, Object>> rows = counts.entrySet().stream()
                .map(e -> Map.<String, Object>of(name, e.getKey(), "tickets", e.getValue())).toList();
        Table.print(out, List.of(name, "tickets"), rows);
    }

    private static Map<String, Object> loadRow(AgentLoad a) {
        return Map.of("assignee", a.assignee().orElse(UNASSIGNED), "open", a.open());
    }

    private static Map<String, Object> growthRow(CategoryGrowth g) {
        return Map.of("category", g.category(), "recent", g.recent(), "previous", g.previous(),
                "change", "+" + g.change());
    }

    private static String delayLine(Delays d) {
        if (d.count() == 0) {
            return "no ticket yet";
        }
        return "median " + human(d.median()) + ", 90th percentile " + human(d.p90()) + " (" + d.count() + " ticket(s))";
    }

    /** 45 s, 12 min, 3 h 20 min, 2 d 4 h: what a person reads at a glance. */
    static String human(Optional<Duration> duration) {
        if (duration.isEmpty()) {
            return "-";
        }
        Duration d = duration.get();
        if (d.toMinutes() < 1) {
            return d.toSeconds() + " s";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + " min";
        }
        if (d.toDays() < 1) {
            return d.toHours() + " h " + d.toMinutesPart() + " min";
        }
        return d.toDays() + " d " + d.toHoursPart() + " h";
    }
}
