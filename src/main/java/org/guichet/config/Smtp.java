package org.guichet.config;

import java.time.Duration;
import java.util.Objects;

/** The server that Guichet sends its notifications through; an empty user means no authentication. */
public record Smtp(String host, int port, boolean ssl, boolean starttls, String user, String password,
        Duration timeout, Access access) {

    /** A password login (or none) with the JDK's certificate authorities. */
    public Smtp(String host, int port, boolean ssl, boolean starttls, String user, String password, Duration timeout) {
        this(host, port, ssl, starttls, user, password, timeout, Access.password());
    }

    public Smtp {
        Checks.text(host, "smtp host");
        Checks.port(port, "smtp port");
        Objects.requireNonNull(user, "smtp user");
        Objects.requireNonNull(password, "smtp password");
        Checks.positive(timeout, "smtp timeout");
        Objects.requireNonNull(access, "smtp access");
    }

    /** True when the server expects a login, that is when a user is configured. */
    public boolean authenticates() {
        return !user.isEmpty() || access.usesOAuth2();
    }

    /** Leaves the password out, so that logging the record cannot leak it. */
    @Override
    public String toString() {
        return "Smtp[" + (user.isEmpty() ? "" : user + "@") + host + ":" + port + ", ssl=" + ssl
                + ", starttls=" + starttls + "]";
    }
}
