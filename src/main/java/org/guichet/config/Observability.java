package org.guichet.config;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * How the daemon shows itself to monitoring: the log format ({@code logging.format}: text for people, json for
 * log shippers) and, when {@code http.port} is set, an HTTP endpoint on 127.0.0.1 with /health and /metrics.
 */
public record Observability(LogFormat logFormat, OptionalInt httpPort, String httpHost) {

    /** One line of text a log event, or one JSON object a line. */
    public enum LogFormat {
        TEXT, JSON
    }

    public Observability {
        Objects.requireNonNull(logFormat, "log format");
        Objects.requireNonNull(httpPort, "http port");
        Checks.text(httpHost, "http host");
    }

    public static Observability defaults() {
        return new Observability(LogFormat.TEXT, OptionalInt.empty(), "127.0.0.1");
    }
}
