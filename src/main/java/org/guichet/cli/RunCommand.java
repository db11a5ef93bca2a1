package org.guichet.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code guichet run [--once]}: the daemon. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the daemon: mail intake (IMAP IDLE or polling), the outbox sender, scheduled jobs.",
            "The database is migrated on start. Stop with Ctrl-C: the mail in hand is finished first."})
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--once", description = "Handle the mail waiting now, deliver the outbox, and exit.")
    boolean once;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Backend backend = root.open();
        backend.config().security().warning(backend.config().mail().demoServer())
                .ifPresent(w -> out.println("warning: " + w));
        if (once) {
            try (backend) {
                backend.daemon().runOnce(out);
            }
        } else {
            // the daemon's stop hook closes the backend when the process is stopped
            backend.daemon().runUntilStopped(out);
        }
        return 0;
    }
}
