package org.guichet.parse;

import org.guichet.GuichetException;

/** A mail could not be parsed for a reason outside the mail itself: the source could not be read or the attachment sink failed. */
public class ParseException extends GuichetException {

    public ParseException(String message) {
        super(message);
    }

    public ParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
