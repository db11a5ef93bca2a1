package org.guichet.notify;

import org.guichet.GuichetException;

/** A notification could not be built or handed to the SMTP server. */
public class NotifyException extends GuichetException {
    public NotifyException(String message, Throwable cause) {
        super(message, cause);
    }
}
