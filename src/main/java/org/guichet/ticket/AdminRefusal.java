package org.guichet.ticket;

import org.guichet.GuichetException;

/**
 * Why the administrator's action was refused, in one sentence; thrown inside the action's transaction, so that
 * nothing it began is kept.
 */
public class AdminRefusal extends GuichetException {
    public AdminRefusal(String message) {
        super(message);
    }
}
