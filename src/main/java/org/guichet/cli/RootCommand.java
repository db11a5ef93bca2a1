package org.guichet.cli;

import java.nio.file.Path;
import org.guichet.ops.Restore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code guichet [--config FILE] [--verbose] COMMAND}: the options every command shares. */
@Command(name = "guichet", mixinStandardHelpOptions = true, version = "Guichet 0.1.0",
        description = "An email-driven helpdesk gateway: one support address, tickets by mail.",
        subcommands = {RunCommand.class, TicketsCommand.class, ShowCommand.class, StatsCommand.class, RouteCommand.class,
            ImportCommand.class, OutboxCommand.class, QuarantineCommand.class, DbCommand.class, ConfigCommand.class,
            StatusCommand.class, BackupCommand.class, RestoreCommand.class, PurgeCommand.class, AttachmentCommand.class,
            AdminCommands.Assign.class, AdminCommands.Transfer.class, AdminCommands.Priority.class,
            AdminCommands.Note.class, AdminCommands.Reply.class, AdminCommands.Reassign.class},
        footer = {"", "Exit status: 0 success, 1 runtime failure, 2 usage or configuration error."})
public final class RootCommand {
    private final BackendFactory factory;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "${env:GUICHET_CONFIG:-config/guichet.yml}",
            description = "The configuration file (default: $GUICHET_CONFIG, else config/guichet.yml).")
    Path config;

    @Option(names = "--verbose", description = "Show the stack trace of an error.")
    boolean verbose;

    public RootCommand(BackendFactory factory) {
        this.factory = factory;
    }

    /** The services for the chosen config file; the caller closes them. */
    Backend open() {
        return factory.open(config);
    }

    /** The restore of a backup for the chosen config file, which opens nothing: the database comes after it. */
    Restore restore() {
        return factory.restore(config);
    }

    /** The services with the database migrated: every command but {@code db info} wants it so. */
    Backend openMigrated() {
        Backend backend = open();
        try {
            backend.database().migrateIfBehind();
            return backend;
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
    }
}
