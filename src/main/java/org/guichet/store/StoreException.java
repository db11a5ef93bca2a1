package org.guichet.store;

import org.guichet.ticket.StorageFailure;

/** A database or file-store operation failed; the message says which and on what. */
public class StoreException extends StorageFailure {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
