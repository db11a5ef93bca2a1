package org.guichet;

/** The root of Guichet's unchecked exceptions: each message says what failed, where, and what to do. */
public class GuichetException extends RuntimeException {

    public GuichetException(String message) {
        super(message);
    }

    public GuichetException(String message, Throwable cause) {
        super(message, cause);
    }
}
