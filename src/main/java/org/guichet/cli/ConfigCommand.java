package org.guichet.cli;

import java.io.PrintWriter;
import java.util.List;
import org.guichet.config.ConfigException;
import org.guichet.config.GuichetConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code guichet config check}: the config, its secrets and every server it names, one line a step. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Check the configuration.")
final class ConfigCommand {
    static final int FAILED = 2;

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Validate the config, resolve its secrets, connect to the database and log into IMAP and",
                "SMTP as the daemon would; one line a step. Exit status 2 when a step fails."})
    int check() {
        PrintWriter out = spec.commandLine().getOut();
        Backend backend;
        try {
            backend = root.open();
        } catch (ConfigException e) {
            print(out, new Check("config", false, e.getMessage()));
            return FAILED;
        }
        try (backend) {
            GuichetConfig config = backend.config();
            print(out, new Check("config", true, root.config + ": " + config.services().size() + " service(s), "
                    + config.categories().size() + " categories, helpdesk " + config.helpdesk().address()
                    + (config.mailboxes().size() > 1 ? ", " + config.mailboxes().size() + " mailboxes ("
                            + String.join(", ", config.mailboxes().stream().map(m -> m.name() + " " + m.address())
                                    .toList()) + ")" : "")));
            print(out, new Check("secrets", true, "every ${env:...} and ${file:...} value was found"));
            config.security().warning(config.mail().demoServer())
                    .ifPresent(w -> out.printf("%-9s %-6s %s%n", "security", "WARN", w));
            List<Check> steps = backend.checkConnections();
            steps.forEach(step -> print(out, step));
            return steps.stream().allMatch(Check::ok) ? 0 : FAILED;
        }
    }

    private static void print(PrintWriter out, Check check) {
        out.printf("%-9s %-6s %s%n", check.step(), check.ok() ? "ok" : "FAILED", check.detail());
        out.flush();
    }
}
