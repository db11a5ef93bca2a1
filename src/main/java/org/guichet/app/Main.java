package org.guichet.app;

import java.io.PrintWriter;
import org.guichet.GuichetException;
import org.guichet.bench.BenchCommand;
import org.guichet.cli.BackendFactory;
import org.guichet.cli.RootCommand;
import org.guichet.config.ConfigException;
import org.guichet.parse.MimeSettings;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** The {@code guichet} command: errors are one sentence on stderr, a stack trace only with {@code --verbose}. */
public final class Main {
    static final int RUNTIME_FAILURE = 1;
    static final int USAGE_ERROR = 2;

    private Main() {
    }

    public static void main(String[] args) {
        MimeSettings.apply();
        int status = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                Guichet::open);
        System.exit(status);
    }

    public static int execute(String[] args, PrintWriter out, PrintWriter err, BackendFactory factory) {
        CommandLine cli = new CommandLine(new RootCommand(factory));
        // the bench builds its own throwaway helpdesk from the composition root: it is no cli command
        cli.addSubcommand("bench", new BenchCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler(Main::usageError);
        cli.setExecutionExceptionHandler(Main::failure);
        return cli.execute(args);
    }

    private static int usageError(ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.printf("guichet: %s%n", e.getMessage());
        err.printf("Try '%s --help'.%n", e.getCommandLine().getCommandSpec().qualifiedName());
        return USAGE_ERROR;
    }

    private static int failure(Exception e, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        boolean verbose = parsed.hasMatchedOption("--verbose")
                || command.getCommandSpec().root().commandLine().getParseResult().hasMatchedOption("--verbose");
        if (e instanceof ParameterException p) {
            return usageError(p, new String[0]);
        }
        if (e instanceof GuichetException) {
            err.printf("guichet: %s%n", e.getMessage());
        } else {
            err.printf("guichet: unexpected error: %s (run with --verbose for the details)%n", e);
        }
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return e instanceof ConfigException ? USAGE_ERROR : RUNTIME_FAILURE;
    }
}
