package org.guichet.connect;

import org.guichet.GuichetException;

/** A TLS trust store or an OAuth2 token that cannot be had; the message says which and what to do. */
public final class ConnectException extends GuichetException {
    private static final long serialVersionUID = 1L;

    public ConnectException(String message, Throwable cause) {
        super(message, cause);
    }
}
