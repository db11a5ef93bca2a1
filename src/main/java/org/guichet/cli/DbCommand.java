package org.guichet.cli;

import java.io.PrintWriter;
import java.util.List;
import org.flywaydb.core.api.MigrationInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code guichet db migrate|info}: the schema, by Flyway. */
@Command(name = "db", mixinStandardHelpOptions = true, description = "Database schema: migrate or show the migrations.")
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

    @Command(name = "info", mixinStandardHelpOptions = true, description = "List the migrations, applied and pending.")
    int info() {
        try (Backend backend = root.open()) {
            List<MigrationInfo> migrations = backend.database().migrations();
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Database %s%n", backend.database().safeUrl());
            out.printf("%-8s %-40s %-10s %s%n", "VERSION", "DESCRIPTION", "STATE", "INSTALLED");
            for (MigrationInfo m : migrations) {
                out.printf("%-8s %-40s %-10s %s%n", m.getVersion(), m.getDescription(), m.getState().getDisplayName(),
                        m.getInstalledOn() == null ? "" : m.getInstalledOn().toInstant());
            }
            return 0;
        }
    }
}
