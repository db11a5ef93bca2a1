package org.guichet.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.guichet.GuichetException;
import org.guichet.parse.InboundMail;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code guichet route FILE.eml...}: how each mail would be read, threaded, routed; writes nothing. */
@Command(name = "route", mixinStandardHelpOptions = true,
        description = {"Dry run: how each mail would be handled; writes nothing.",
            "Shows how each mail is read, threaded, categorised and prioritised, its commands, and whether it is",
            "automatic mail. Nothing is written: no ticket, no mail, no attachment."})
final class RouteCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE.eml", arity = "1..*", description = "The mails, as .eml files.")
    List<Path> files;

    @Option(names = "--format", paramLabel = "F", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        if (format != Format.text && format != Format.json) {
            throw new ParameterException(spec.commandLine(), "--format must be text or json");
        }
        List<Map<String, Object>> views = new ArrayList<>();
        try (Backend backend = root.open()) {
            for (Path file : files) {
                InboundMail mail = read(backend, file);
                views.add(RouteView.of(file.toString(), mail, backend.preview(mail)));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(Json.write(views.size() == 1 ? views.get(0) : views));
        } else {
            views.forEach(v -> RouteView.printText(out, v));
        }
        out.flush();
        return 0;
    }

    private static InboundMail read(Backend backend, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return backend.readMail(in);
        } catch (IOException e) {
            throw new GuichetException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
