package org.guichet.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line as a user runs it, in-process: {@code guichet} with arguments, its exit status and what it
 * printed on each stream. The tests' one way to run the CLI.
 */
final class Cli {
    private final Optional<Path> config;

    private Cli(Optional<Path> config) {
        this.config = config;
    }

    /** {@code guichet --config <file> ...}. */
    static Cli with(Path config) {
        return new Cli(Optional.of(config));
    }

    /** {@code guichet ...}, no config given. */
    static Cli bare() {
        return new Cli(Optional.empty());
    }

    /** One run of the command line. */
    record Run(int status, String out, String err) {
    }

    Run run(String... args) {
        List<String> all = new ArrayList<>();
        config.ifPresent(c -> {
            all.add("--config");
            all.add(c.toString());
        });
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true),
                Guichet::open);
        return new Run(status, out.toString(), err.toString());
    }
}
