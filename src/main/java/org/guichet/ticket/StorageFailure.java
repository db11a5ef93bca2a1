package org.guichet.ticket;

import org.guichet.GuichetException;

/**
 * The storage could not do its part (database down, disk full): the work is rolled back and may be tried
 * again later, unlike a failure caused by the mail itself.
 */
public class StorageFailure extends GuichetException {
    public StorageFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageFailure(String message) {
        super(message);
    }
}
