package org.guichet.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.guichet.sla.ServiceLevels;
import org.guichet.store.TicketStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code guichet stats}: where the load and the recurring problems are. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Tickets by status, category, service and priority; median and 90th percentile time to first"
            + " response and to resolution; reopen rate; open tickets per agent; the fastest-growing categories.",
            "The growth compares --since..now with the period of the same length before it (without --since: the"
                + " last 7 days with the 7 before). The open load per agent counts every open ticket."})
final class StatsCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--since", paramLabel = "DATE",
            description = "Only the tickets created since this day (2024-09-01, UTC) or instant (2024-09-01T08:00:00Z).")
    String since;

    @Option(names = "--format", paramLabel = "F", defaultValue = "table",
            description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        Optional<Instant> from = since();
        TicketStats stats;
        ServiceLevels.Report levels;
        try (Backend backend = root.openMigrated()) {
            stats = backend.statistics().compute(from, backend.clock().instant());
            levels = backend.serviceLevels().report(from);
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case json -> out.println(Json.write(withLevels(StatsViews.json(stats), levels)));
            case csv -> {
                StatsViews.csv(out, stats);
                SlaViews.csv(out, levels);
            }
            case table -> {
                StatsViews.table(out, stats);
                SlaViews.table(out, levels);
            }
            default -> throw new ParameterException(spec.commandLine(), "--format must be table, json or csv");
        }
        out.flush();
        return 0;
    }

    private static Map<String, Object> withLevels(Map<String, Object> m,
            ServiceLevels.Report levels) {
        m.put("serviceLevels", SlaViews.json(levels));
        return m;
    }

    private Optional<Instant> since() {
        if (since == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(since.contains("T") ? Instant.parse(since)
                    : LocalDate.parse(since).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--since '" + since
                    + "' is not a date: write 2024-09-01 or 2024-09-01T08:00:00Z");
        }
    }
}
