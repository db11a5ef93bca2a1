package org.guichet.intake;

import org.guichet.GuichetException;

/** The mailbox could not be reached or read; the message names the server and folder. */
public class IntakeException extends GuichetException {
    public IntakeException(String message, Throwable cause) {
        super(message, cause);
    }
}
