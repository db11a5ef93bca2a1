package org.guichet;

/**
 * The root of Guichet's own failures: each package throws a subtype whose message says what failed,
 * where, and what to do, so that callers can catch one family at the seams.
 */
public class GuichetException extends RuntimeException {

    public GuichetException(String message) {
        super(message);
    }

    public GuichetException(String message, Throwable cause) {
        super(message, cause);
    }
}
