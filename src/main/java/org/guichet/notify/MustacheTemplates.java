package org.guichet.notify;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.guichet.GuichetException;
import org.guichet.ticket.Templates;

/**
 * Notification texts from Mustache files, {@code <event>.txt} and {@code <event>.html}, read from
 * {@code <templates-dir>/<locale>/} so that administrators can edit them without rebuilding, with the copies
 * shipped in the jar as a fallback. Templates are read at each use, so an edit takes effect at once; what was
 * compiled from the same text is reused, since compiling is the costly part.
 */
public final class MustacheTemplates implements Templates {
    private final Path directory;
    private final String locale;
    private final MustacheFactory text = new PlainTextFactory();
    private final MustacheFactory html = new DefaultMustacheFactory();
    private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();
    private final Map<String, Properties> labels = new ConcurrentHashMap<>();

    /** A template compiled from one version of its text. */
    private record Compiled(String source, Mustache template) {
    }

    public MustacheTemplates(Path directory, String locale) {
        this.directory = directory;
        this.locale = locale;
    }

    @Override
    public Rendered render(String event, Map<String, Object> model) {
        return new Rendered(render(text, event + ".txt", model), render(html, event + ".html", model));
    }

    /** Words in the helpdesk's language, from {@code labels.properties} beside the templates. */
    @Override
    public String label(String key) {
        return labels.computeIfAbsent(source("labels.properties"), this::properties).getProperty(key, key);
    }

    private Properties properties(String source) {
        Properties loaded = new Properties();
        try {
            loaded.load(new StringReader(source));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read labels.properties of " + locale + ": " + e.getMessage(), e);
        }
        return loaded;
    }

    private String render(MustacheFactory factory, String file, Map<String, Object> model) {
        String source = source(file);
        Compiled known = compiled.get(file);
        if (known == null || !known.source().equals(source)) {
            known = new Compiled(source, factory.compile(new StringReader(source), locale + "/" + file));
            compiled.put(file, known);
        }
        StringWriter out = new StringWriter();
        known.template().execute(out, model);
        return out.toString();
    }

    private String source(String file) {
        return fromDirectory(locale, file)
                .or(() -> fromJar(locale, file))
                .or(() -> fromDirectory("en", file))
                .or(() -> fromJar("en", file))
                .orElseThrow(() -> new GuichetException("no notification template " + locale + "/" + file + " in "
                        + directory + " nor in the program: restore it from the distribution"));
    }

    private Optional<String> fromDirectory(String language, String file) {
        Path path = directory.resolve(language).resolve(file);
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the template " + path + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> fromJar(String language, String file) {
        InputStream in = MustacheTemplates.class.getResourceAsStream("/templates/" + language + "/" + file);
        if (in == null) {
            return Optional.empty();
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            StringWriter out = new StringWriter();
            reader.transferTo(out);
            return Optional.of(out.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped template " + language + "/" + file, e);
        }
    }

    /** Plain-text templates: values are written as they are, with no HTML escaping. */
    private static final class PlainTextFactory extends DefaultMustacheFactory {
        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
