package org.guichet.importer;

import org.guichet.GuichetException;

/** A path to import cannot be read; the message names it. */
public class ImportException extends GuichetException {
    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
