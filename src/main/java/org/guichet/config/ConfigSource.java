package org.guichet.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file being read: its name for messages, the directory that relative secret files start from, and the
 * environment; it turns every raw scalar into a {@link ConfigValue}, reading {@code ${env:..}} and
 * {@code ${file:..}} references on the way.
 */
final class ConfigSource {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|file):([^}]*)}");

    private final String name;
    private final Path baseDir;
    private final Function<String, Optional<String>> env;

    ConfigSource(String name, Path baseDir, Function<String, Optional<String>> env) {
        this.name = Objects.requireNonNull(name, "name");
        this.baseDir = Objects.requireNonNull(baseDir, "baseDir");
        this.env = Objects.requireNonNull(env, "env");
    }

    /** The directory holding the named file, so that {@code ${file:secret.txt}} sits next to the config. */
    static Path directoryOf(String sourceName) {
        try {
            Path parent = Path.of(sourceName).toAbsolutePath().getParent();
            return parent == null ? Path.of("") : parent;
        } catch (InvalidPathException e) {
            return Path.of("");
        }
    }

    String name() {
        return name;
    }

    ConfigException error(int line, String key, String text) {
        return new ConfigException(name + " line " + line + ": " + text, line, key);
    }

    ConfigValue value(String raw, int line, String key) {
        String trimmed = raw.strip();
        if (!(trimmed.startsWith("${") && trimmed.endsWith("}"))) {
            return new ConfigValue(this, raw, line, key, "");
        }
        Matcher matcher = REFERENCE.matcher(trimmed);
        if (!matcher.matches() || matcher.group(2).isBlank()) {
            throw error(line, key, key + " must be a plain value, ${env:NAME} or ${file:PATH}, not '" + raw + "'");
        }
        String reference = matcher.group(2).strip();
        String text = matcher.group(1).equals("env") ? fromEnv(reference, line, key) : fromFile(reference, line, key);
        return new ConfigValue(this, text, line, key, trimmed);
    }

    private String fromEnv(String variable, int line, String key) {
        return env.apply(variable).filter(value -> !value.isEmpty()).orElseThrow(() -> error(line, key,
                key + " reads environment variable " + variable + ", which is not set or empty;"
                        + " set it before starting Guichet"));
    }

    private String fromFile(String file, int line, String key) {
        Path path = resolve(file, line, key);
        String content;
        try {
            content = Files.readString(path).stripTrailing();
        } catch (IOException e) {
            throw error(line, key, "cannot read " + key + " from file " + path + " (" + e.getClass().getSimpleName()
                    + "); check that the file exists and is readable");
        }
        if (content.isEmpty()) {
            throw error(line, key, key + " reads file " + path + ", which is empty; write the value into it");
        }
        return content;
    }

    private Path resolve(String file, int line, String key) {
        try {
            return baseDir.resolve(file);
        } catch (InvalidPathException e) {
            throw error(line, key, key + " names file '" + file + "', which is not a valid path; correct it");
        }
    }
}
