package org.guichet.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.MigrationInfo;
import org.guichet.store.Database;
import org.guichet.store.DatabaseCopy;
import org.guichet.store.IntakeLease;
import org.guichet.store.Lease;
import org.guichet.store.Leases;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code guichet db migrate|info|copy}: the schema, by Flyway; the instances; moving to another database. */
@Command(name = "db", mixinStandardHelpOptions = true,
        description = "Database: migrate, show the schema and the instances, or copy everything to another database.")
final class DbCommand {
    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Command(name = "migrate", mixinStandardHelpOptions = true, description = "Apply the pending migrations.")
    int migrate() {
        try (Backend backend = root.open()) {
            int applied = backend.database().migrate();
            spec.commandLine().getOut().printf("%s: %d migration(s) applied, schema up to date%n",
                    backend.database().safeUrl(), applied);
            return 0;
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "The database, its migrations, the running instances and which one reads the mailbox.")
    int info() {
        try (Backend backend = root.open()) {
            Database database = backend.database();
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Database %s%n", database.safeUrl());
            out.printf("Kind     %s (%s)%n", database.vendor().name().toLowerCase(Locale.ROOT),
                    database.product());
            List<MigrationInfo> migrations = database.migrations();
            out.printf("%n%-8s %-40s %-10s %s%n", "VERSION", "DESCRIPTION", "STATE", "INSTALLED");
            for (MigrationInfo m : migrations) {
                out.printf("%-8s %-40s %-10s %s%n", m.getVersion(), m.getDescription(), m.getState().getDisplayName(),
                        m.getInstalledOn() == null ? "" : m.getInstalledOn().toInstant());
            }
            if (migrations.stream().allMatch(m -> m.getState().isApplied())) {
                leases(out, new Leases(database));
                mailboxes(out, backend);
            } else {
                out.printf("%nInstances: none shown until the pending migrations are applied (guichet db migrate)%n");
            }
            return 0;
        }
    }

    /** What the daemon last saw of each mailbox: last mail handled, mails waiting, the fault it reads it with. */
    private static void mailboxes(PrintWriter out, Backend backend) {
        out.printf("%n%-16s %-28s %-28s %-8s %s%n", "MAILBOX", "LAST MAIL HANDLED", "LAST READ", "WAITING", "ERROR");
        for (org.guichet.store.MailboxStates.State s : backend.mailboxStates()) {
            out.printf("%-16s %-28s %-28s %-8s %s%n", s.mailbox(),
                    s.lastMailHandled().map(Object::toString).orElse("none yet"),
                    s.readAt().map(Object::toString).orElse("never"),
                    s.waiting().isPresent() ? String.valueOf(s.waiting().getAsInt()) : "-",
                    s.error().map(e -> s.failingSince().map(t -> "since " + t + ": ").orElse("") + e).orElse(""));
        }
    }

    private static void leases(PrintWriter out, Leases leases) {
        Instant now = leases.now();
        List<Lease> all = leases.all();
        out.printf("%nIntake   %s%n", all.stream().filter(l -> l.name().equals(IntakeLease.INTAKE) && l.activeAt(now))
                .map(l -> "read by " + l.holder() + " since " + l.acquiredAt() + ", lease until " + l.expiresAt())
                .findFirst().orElse("nobody reads the mailbox now"));
        out.printf("%n%-40s %-8s %-28s %s%n", "INSTANCE", "STATE", "STARTED", "LAST SEEN");
        all.stream().filter(l -> l.name().startsWith(IntakeLease.INSTANCE_PREFIX)).forEach(l -> out.printf(
                "%-40s %-8s %-28s %s%n", l.holder(), l.activeAt(now) ? "alive" : "gone", l.acquiredAt(), l.renewedAt()));
    }

    @Command(name = "copy", mixinStandardHelpOptions = true,
            description = "Copy every ticket, message, event and notification into another, empty database"
                    + " (migrated first), then compare the counts.")
    int copy(@Option(names = "--to", required = true, paramLabel = "JDBC-URL",
                    description = "The empty target, e.g. jdbc:postgresql://db.example.org/guichet.") String target,
            @Option(names = "--to-user", defaultValue = "", description = "The target's user.") String user,
            @Option(names = "--to-password", defaultValue = "", arity = "0..1", interactive = true,
                    description = "The target's password; asked for when given without a value.") String password) {
        try (Backend backend = root.open(); Database into = new Database(target, user, password)) {
            PrintWriter out = spec.commandLine().getOut();
            List<DatabaseCopy.Count> counts = DatabaseCopy.copy(backend.database(), into);
            out.printf("%-24s %10s %10s%n", "TABLE", "SOURCE", "TARGET");
            counts.forEach(c -> out.printf("%-24s %10d %10d%s%n", c.table(), c.source(), c.target(),
                    c.agrees() ? "" : "  DIFFERENT"));
            if (counts.stream().allMatch(DatabaseCopy.Count::agrees)) {
                out.printf("%s copied to %s: every count agrees%n", backend.database().safeUrl(), into.safeUrl());
                return 0;
            }
            spec.commandLine().getErr().printf("the counts differ between %s and %s: see above%n",
                    backend.database().safeUrl(), into.safeUrl());
            return 1;
        }
    }
}
