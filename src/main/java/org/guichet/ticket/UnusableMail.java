package org.guichet.ticket;

import org.guichet.GuichetException;

/** A mail that can never be handled as it is (no sender at all, say): it is quarantined at once, with this reason. */
public class UnusableMail extends GuichetException {
    public UnusableMail(String message) {
        super(message);
    }
}
