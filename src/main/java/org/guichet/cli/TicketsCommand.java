package org.guichet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.guichet.route.Priority;
import org.guichet.store.SearchText;
import org.guichet.ticket.Status;
import org.guichet.ticket.TicketFilter;
import org.guichet.ticket.TicketSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code guichet tickets}: the list of tickets, highest priority first, then oldest. */
@Command(name = "tickets", mixinStandardHelpOptions = true,
        description = "List tickets, highest priority first, then oldest.")
final class TicketsCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--status", paramLabel = "S", description = "Only this status: new, assigned, waiting, resolved, closed, cancelled.")
    String status;

    @Option(names = "--service", paramLabel = "ID", description = "Only this service.")
    String service;

    @Option(names = "--requester", paramLabel = "A", description = "Only this requester's address.")
    String requester;

    @Option(names = "--assignee", paramLabel = "A", description = "Only this assignee's address.")
    String assignee;

    @Option(names = "--overdue", description = "Only the open tickets past a response-time target (see the sla section).")
    boolean overdue;
    @Option(names = "--category", paramLabel = "C", description = "Only this category or subcategory (any case).")
    String category;

    @Option(names = "--priority", paramLabel = "P", description = "Only this priority: very-low, low, normal, high, very-high.")
    String priority;

    @Option(names = "--since", paramLabel = "DATE", description = "Only tickets created on or after this day (2024-09-01, UTC)"
            + " or instant (2024-09-01T08:00:00Z).")
    String since;

    @Option(names = "--until", paramLabel = "DATE", description = "Only tickets created on or before this day (the whole"
            + " day, UTC), or before this instant.")
    String until;

    @Option(names = "--search", paramLabel = "WORDS", description = "Only tickets holding every one of these words in"
            + " their subject or messages; case and accents ignored (\"probleme\" finds \"Problème\").")
    String search;

    @Option(names = "--mailbox", paramLabel = "NAME", description = "Only the tickets answered from this mailbox"
            + " (its name under mailboxes; default with the single imap section).")
    String mailbox;

    @Option(names = "--format", paramLabel = "F", defaultValue = "table",
            description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        TicketFilter filter = new TicketFilter(status(), Optional.ofNullable(service), Optional.ofNullable(requester),
                Optional.ofNullable(assignee), Optional.ofNullable(category), priority(),
                Dates.from(since, "--since", spec), Dates.through(until, "--until", spec),
                search == null ? List.of() : SearchText.words(search));
        List<TicketSummary> tickets;
        org.guichet.config.GuichetConfig config;
        try (Backend backend = root.openMigrated()) {
            config = backend.config();
            TicketFilter chosen = mailbox == null ? filter : filter.from(mailbox(backend.config()));
            tickets = overdue ? backend.serviceLevels().overdue(chosen)
                    : backend.tickets().inTransaction(tx -> tx.list(chosen));
        }
        PrintWriter out = spec.commandLine().getOut();
        List<Map<String, Object>> rows = tickets.stream().map(s -> answering(s, config)).toList();
        switch (format) {
            case json -> out.println(Json.write(rows));
            case csv -> csv(out, rows);
            case table -> Table.print(out, TicketViews.columns(), rows);
            default -> throw new ParameterException(spec.commandLine(), "--format must be table, json or csv");
        }
        out.flush();
        return 0;
    }

    /** With several mailboxes, each ticket says which one answers it; with one, the fields of SPEC section 9 only. */
    private static Map<String, Object> answering(TicketSummary s, org.guichet.config.GuichetConfig config) {
        Map<String, Object> row = TicketViews.summary(s);
        if (config.mailboxes().size() > 1) {
            row = new java.util.LinkedHashMap<>(row);
            row.put("mailbox", config.mailboxOf(s.ticket().mailbox()).name());
        }
        return row;
    }

    private TicketFilter.Mailbox mailbox(org.guichet.config.GuichetConfig config) {
        org.guichet.config.MailboxSettings named = config.mailbox(mailbox.strip()).orElseThrow(() ->
                new ParameterException(spec.commandLine(), "unknown mailbox '" + mailbox + "': use "
                        + String.join(", ", config.mailboxes().stream().map(m -> m.name()).toList())));
        return new TicketFilter.Mailbox(named.name(), named.equals(config.primaryMailbox()));
    }

    private Optional<Status> status() {
        if (status == null) {
            return Optional.empty();
        }
        return Optional.of(Status.fromCode(status).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "unknown status '" + status + "': use new, assigned, waiting, resolved, closed or cancelled")));
    }

    private Optional<Priority> priority() {
        if (priority == null) {
            return Optional.empty();
        }
        return Optional.of(Priority.fromCode(priority).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "unknown priority '" + priority + "': use very-low, low, normal, high or very-high")));
    }

    private static void csv(PrintWriter out, List<Map<String, Object>> rows) {
        List<String> columns = List.of("id", "subject", "status", "priority", "category", "subcategory", "service",
                "requester", "assignee", "observers", "created", "updated", "messages", "attachments");
        try {
            CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new))
                    .get());
            for (Map<String, Object> row : rows) {
                printer.printRecord(columns.stream().map(c -> Table.cell(row.get(c))).toList());
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
