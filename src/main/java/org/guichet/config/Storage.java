package org.guichet.config;

import java.nio.file.Path;
import java.util.Objects;

/** Where Guichet keeps its state: the database, the attachments and the raw mails as received. */
public record Storage(String databaseUrl, Path attachmentsDir, Path messagesDir) {

    public Storage {
        if (!Checks.text(databaseUrl, "database url").startsWith("jdbc:")) {
            throw new IllegalArgumentException("database url must start with jdbc:, not " + databaseUrl);
        }
        Objects.requireNonNull(attachmentsDir, "attachments dir");
        Objects.requireNonNull(messagesDir, "messages dir");
    }
}
