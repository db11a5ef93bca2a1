package org.guichet.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import org.guichet.ops.Health;
import org.guichet.store.OperationsFigures.Figures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code guichet status}: what /health says, from the command line; {@code guichet status N STATUS}: the
 * administrator changes a ticket's status, as {@code #status} does by mail.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Without arguments: check the database, IMAP and SMTP as /health does, and print the last mail"
            + " handled, the outbox backlog and the tickets by status. Exit status 1 when a check fails.",
            "With N STATUS: set the status of ticket N (assigned, waiting, resolved or closed) as #status does by"
            + " mail; the requester, observers and assignee are told. Exit status 1 when it is refused."})
final class StatusCommand extends AdminCommands.Base {
    @Parameters(index = "0", arity = "0..1", paramLabel = "N", description = "The ticket number.")
    Long number;

    @Parameters(index = "1", arity = "0..1", paramLabel = "STATUS",
            description = "assigned, waiting, resolved or closed.")
    String status;

    @Option(names = "--format", paramLabel = "F", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        if (number != null) {
            if (status == null) {
                throw new ParameterException(spec.commandLine(), "status N takes a STATUS: assigned, waiting,"
                        + " resolved or closed");
            }
            return run((a, admin) -> "Ticket #" + number + " is now "
                    + a.status(number, status, admin).status().code() + ".");
        }
        Health.Report report;
        try (Backend backend = root.open()) {
            report = backend.health().check();
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case json -> out.println(Json.write(Health.view(report)));
            case text -> text(out, report);
            default -> throw new ParameterException(spec.commandLine(), "--format must be text or json");
        }
        out.flush();
        return report.up() ? 0 : 1;
    }

    private static void text(PrintWriter out, Health.Report report) {
        out.printf("Guichet is %s.%n", report.up() ? "up" : "DOWN");
        for (Health.Check c : report.checks()) {
            out.printf("%-9s %-6s %s%n", c.name(), c.ok() ? "ok" : "FAILED", c.detail());
        }
        report.figures().ifPresent(f -> figures(out, f, report.at()));
    }

    private static void figures(PrintWriter out, Figures f, Instant now) {
        out.printf("Last mail handled: %s%n", f.lastMailHandled().map(t -> TicketViews.iso(t) + " ("
                + ago(Duration.between(t, now)) + " ago)").orElse("none yet"));
        out.printf("Mails: %d handled, %d quarantined%n", f.mailsHandled(), f.mailsQuarantined());
        out.printf("Outbox: %d waiting%s, %d sent, %d failed%n", f.outboxWaiting(),
                f.oldestWaiting().map(o -> " (oldest " + ago(Duration.between(o, now)) + ")").orElse(""),
                f.notificationsSent(), f.notificationsFailed());
        StringBuilder tickets = new StringBuilder();
        f.ticketsByStatus().forEach((status, count) -> tickets.append(tickets.length() == 0 ? "" : ", ")
                .append(count).append(' ').append(status));
        out.printf("Tickets: %s%s%n", tickets, f.purgedTickets() > 0 ? "; " + f.purgedTickets() + " purged" : "");
    }

    private static String ago(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s < 120 ? s + " s" : s < 7200 ? s / 60 + " min" : s < 172_800 ? s / 3600 + " h" : s / 86_400 + " days";
    }
}
