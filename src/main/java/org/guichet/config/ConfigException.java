package org.guichet.config;

import java.util.Optional;
import org.guichet.GuichetException;

/** A configuration that cannot be used; the message names the file, the line and the key to fix. */
public final class ConfigException extends GuichetException {

    private final Integer line;
    private final String key;

    public ConfigException(String message) {
        this(message, null, null, null);
    }

    public ConfigException(String message, Throwable cause) {
        this(message, null, null, cause);
    }

    public ConfigException(String message, int line, String key) {
        this(message, line, key, null);
    }

    ConfigException(String message, Integer line, String key, Throwable cause) {
        super(message, cause);
        this.line = line;
        this.key = key;
    }

    /** The 1-based line of the file at fault, when the problem has one. */
    public Optional<Integer> line() {
        return Optional.ofNullable(line);
    }

    /** The dotted path of the key at fault, such as {@code imap.port} or {@code categories[1].service}. */
    public Optional<String> key() {
        return Optional.ofNullable(key);
    }
}
