package org.guichet.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.guichet.GuichetException;
import org.guichet.store.OperationsFigures;
import org.guichet.store.OperationsFigures.Figures;

/**
 * Whether the helpdesk works, as /health and {@code guichet status} tell it: the database, IMAP and SMTP each
 * answer (logged into as the daemon does), with the last mail handled and the outbox backlog beside.
 * A login is remembered for a short while, so that a monitor polling /health does not hammer the mail servers.
 */
public final class Health {
    private final OperationsFigures figures;
    private final Map<String, Supplier<String>> probes;
    private final Clock clock;
    private final Duration remember;
    private final Map<String, Timed> recent = new ConcurrentHashMap<>();

    /** One probe's answer: ok with what it saw, or the reason it failed. */
    public record Check(String name, boolean ok, String detail) {
    }

    /** Every check, and the figures when the database could be read. */
    public record Report(Instant at, List<Check> checks, Optional<Figures> figures) {
        public boolean up() {
            return checks.stream().allMatch(Check::ok);
        }
    }

    private record Timed(Instant at, Check check) {
    }

    /** {@code probes} by name (imap, smtp), each returning what it saw or throwing a {@link GuichetException}. */
    public Health(OperationsFigures figures, Map<String, Supplier<String>> probes, Clock clock, Duration remember) {
        this.figures = figures;
        this.probes = new LinkedHashMap<>(probes);
        this.clock = clock;
        this.remember = remember;
    }

    public Report check() {
        List<Check> checks = new ArrayList<>();
        checks.add(run("database", figures::ping, false));
        probes.forEach((name, probe) -> checks.add(run(name, probe, true)));
        Optional<Figures> read = checks.get(0).ok() ? readFigures() : Optional.empty();
        return new Report(clock.instant(), checks, read);
    }

    private Optional<Figures> readFigures() {
        try {
            return Optional.of(figures.read());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private Check run(String name, Supplier<String> probe, boolean cached) {
        Instant now = clock.instant();
        Timed last = recent.get(name);
        if (cached && last != null && last.at().plus(remember).isAfter(now)) {
            return last.check();
        }
        Check check;
        try {
            check = new Check(name, true, probe.get());
        } catch (GuichetException e) {
            check = new Check(name, false, e.getMessage());
        } catch (RuntimeException e) {
            check = new Check(name, false, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        recent.put(name, new Timed(now, check));
        return check;
    }

    /** The report as the JSON object of /health and {@code status --format json}. */
    public static Map<String, Object> view(Report report) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("status", report.up() ? "up" : "down");
        view.put("at", report.at().toString());
        Map<String, Object> checks = new LinkedHashMap<>();
        for (Check c : report.checks()) {
            checks.put(c.name(), Map.of("ok", c.ok(), "detail", c.detail()));
        }
        view.put("checks", checks);
        report.figures().ifPresent(f -> figures(view, f, report.at()));
        return view;
    }

    private static void figures(Map<String, Object> view, Figures f, Instant now) {
        view.put("lastMailHandled", f.lastMailHandled().map(Instant::toString).orElse(null));
        Map<String, Object> mails = new LinkedHashMap<>();
        mails.put("handled", f.mailsHandled());
        mails.put("quarantined", f.mailsQuarantined());
        view.put("mails", mails);
        Map<String, Object> outbox = new LinkedHashMap<>();
        outbox.put("waiting", f.outboxWaiting());
        outbox.put("oldestWaiting", f.oldestWaiting().map(Instant::toString).orElse(null));
        outbox.put("oldestWaitingSeconds", f.oldestWaiting().map(o -> Math.max(0, Duration.between(o, now).toSeconds()))
                .orElse(0L));
        outbox.put("sent", f.notificationsSent());
        outbox.put("failed", f.notificationsFailed());
        view.put("outbox", outbox);
        view.put("tickets", new LinkedHashMap<>(f.ticketsByStatus()));
        view.put("purgedTickets", f.purgedTickets());
    }
}
