package org.guichet.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How Guichet proves itself to a mail server and checks the server in turn: the login (a password, or an OAuth2
 * access token sent with SASL XOAUTH2) and the certificate authorities trusted for TLS (the JDK's, or those of a
 * PEM file, for a server whose certificate comes from a private CA).
 */
public record Access(Auth auth, Optional<Path> trustStore, Optional<OAuth2> oauth2) {

    /** The two ways to log in. */
    public enum Auth { PASSWORD, OAUTH2 }

    public Access {
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(trustStore, "trust store");
        Objects.requireNonNull(oauth2, "oauth2");
        if ((auth == Auth.OAUTH2) != oauth2.isPresent()) {
            throw new IllegalArgumentException("auth oauth2 goes with oauth2 settings, and only with them");
        }
    }

    /** A password login, the JDK's certificate authorities. */
    public static Access password() {
        return new Access(Auth.PASSWORD, Optional.empty(), Optional.empty());
    }

    public boolean usesOAuth2() {
        return auth == Auth.OAUTH2;
    }
}
