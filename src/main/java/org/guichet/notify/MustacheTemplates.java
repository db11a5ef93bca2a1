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
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.guichet.GuichetException;
import org.guichet.ticket.Templates;

/**
 * Notification texts from Mustache files, {@code <event>.txt} and {@code <event>.html}, read from
 * {@code <templates-dir>/<locale>/} so that administrators can edit them without rebuilding, with the copies
 * shipped in the jar as a fallback. A file is read again only when its modification time or size changes, so an
 * edit takes effect at once without a file being read for every notification; what was compiled from the same text
 * is reused, since compiling is the costly part. The jar's copies are read once.
 */
public final class MustacheTemplates implements Templates {
    private final Path directory;
    private final String locale;
    private final MustacheFactory text = new PlainTextFactory();
    private final MustacheFactory html = new DefaultMustacheFactory();
    private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();
    private final Map<String, Properties> labels = new ConcurrentHashMap<>();

    private final Map<Path, Read> read = new ConcurrentHashMap<>();
    private final Map<String, Optional<String>> shipped = new ConcurrentHashMap<>();

    /** The text of a file in the templates folder, as it was at this modification time and size. */
    private record Read(FileTime modified, long size, String text) {
    }

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
                .or(() -> shipped(locale, file))
                .or(() -> fromDirectory("en", file))
                .or(() -> shipped("en", file))
                .orElseThrow(() -> new GuichetException("no notification template " + locale + "/" + file + " in "
                        + directory + " nor in the program: restore it from the distribution"));
    }

    private Optional<String> fromDirectory(String language, String file) {
        Path path = directory.resolve(language).resolve(file);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            read.remove(path);
            return Optional.empty(); // no such file: the next place is looked at
        }
        if (!attributes.isRegularFile()) {
            return Optional.empty();
        }
        Read known = read.get(path);
        if (known != null && known.modified().equals(attributes.lastModifiedTime()) && known.size() == attributes.size()) {
            return Optional.of(known.text());
        }
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            read.put(path, new Read(attributes.lastModifiedTime(), attributes.size(), text));
            return Optional.of(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the template " + path + ": " + e.getMessage(), e);
        }
    }

    private Optional<String> shipped(String language, String file) {
        return shipped.computeIfAbsent(language + "/" + file, k -> fromJar(language, file));
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
