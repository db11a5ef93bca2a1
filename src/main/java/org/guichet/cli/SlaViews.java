package org.guichet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.guichet.sla.Dues;
import org.guichet.sla.ServiceLevels;

/** The promises in the command line's shapes: a ticket's due times for {@code show}, the shares for {@code stats}. */
final class SlaViews {

    private SlaViews() {
    }

    /** One line per target: when it is due, and whether it was met, missed, or is still running. */
    static void text(PrintWriter out, Optional<Dues> dues) {
        if (dues.isEmpty()) {
            out.println("  No response-time target (no sla section, or none for this priority and service)");
            return;
        }
        Dues d = dues.get();
        out.printf("  Take in charge: %s%n", state(d.takeDue(), d.taken(), d.takeMissed()));
        out.printf("  Resolve:        %s%n", state(d.resolveDue(), d.resolvedAt(), d.resolveMissed()));
    }

    private static String state(Optional<Instant> due, Optional<Instant> done, boolean missed) {
        String when = due.map(i -> "due " + TicketViews.iso(i)).orElse("paused while waiting");
        if (done.isPresent()) {
            return when + ", done " + TicketViews.iso(done.get()) + (missed ? ": missed" : ": met");
        }
        return when + (missed ? ": overdue" : ": running");
    }

    static Map<String, Object> json(Optional<Dues> dues) {
        if (dues.isEmpty()) {
            return null;
        }
        Dues d = dues.get();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("takeInCharge", target(d.takeDue(), d.taken(), d.takeMissed()));
        m.put("resolve", target(d.resolveDue(), d.resolvedAt(), d.resolveMissed()));
        return m;
    }

    private static Map<String, Object> target(Optional<Instant> due, Optional<Instant> done, boolean missed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("due", due.map(TicketViews::iso).orElse(null));
        m.put("done", done.map(TicketViews::iso).orElse(null));
        // met: true or false once decided; null while the target still runs
        m.put("met", done.isPresent() || missed ? Boolean.valueOf(!missed) : null);
        return m;
    }

    static Map<String, Object> json(ServiceLevels.Report r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("byPriority", r.byPriority().stream().map(SlaViews::json).toList());
        m.put("byService", r.byService().stream().map(SlaViews::json).toList());
        return m;
    }

    private static Map<String, Object> json(ServiceLevels.Row row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", row.name());
        m.put("takeInCharge", Map.of("met", row.takeInCharge().met(), "measured", row.takeInCharge().measured()));
        m.put("resolve", Map.of("met", row.resolve().met(), "measured", row.resolve().measured()));
        return m;
    }

    static void table(PrintWriter out, ServiceLevels.Report r) {
        out.println();
        out.println("Response-time targets met (tickets whose target is met or missed; cancelled ones left out):");
        List<Map<String, Object>> rows = new ArrayList<>();
        r.byPriority().forEach(row -> rows.add(row("priority", row)));
        r.byService().forEach(row -> rows.add(row("service", row)));
        if (rows.isEmpty()) {
            out.println("No target decided yet.");
            return;
        }
        Table.print(out, List.of("by", "name", "take in charge", "resolve"), rows);
    }

    private static Map<String, Object> row(String by, ServiceLevels.Row row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("by", by);
        m.put("name", row.name());
        m.put("take in charge", share(row.takeInCharge()));
        m.put("resolve", share(row.resolve()));
        return m;
    }

    private static String share(ServiceLevels.Share s) {
        return s.measured() == 0 ? "-" : String.format(Locale.ROOT, "%d/%d (%.0f %%)", s.met(), s.measured(),
                100 * s.rate());
    }

    /** Long-format rows in the shape of the other statistics: section, name, met, measured. */
    static void csv(PrintWriter out, ServiceLevels.Report r) {
        try {
            CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180);
            for (ServiceLevels.Row row : r.byPriority()) {
                rows(printer, "priority", row);
            }
            for (ServiceLevels.Row row : r.byService()) {
                rows(printer, "service", row);
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void rows(CSVPrinter printer, String by, ServiceLevels.Row row) throws IOException {
        printer.printRecord("sla-take-in-charge-by-" + by, row.name(), row.takeInCharge().met(),
                row.takeInCharge().measured());
        printer.printRecord("sla-resolve-by-" + by, row.name(), row.resolve().met(), row.resolve().measured());
    }
}
