package org.guichet.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where Guichet keeps its state: the database (H2 or PostgreSQL, with its user and password), the attachments
 * and the raw mails as received. With several instances the two folders are shared between them.
 */
public record Storage(String databaseUrl, Path attachmentsDir, Path messagesDir, String databaseUser,
        String databasePassword) {

    public Storage {
        if (!Checks.text(databaseUrl, "database url").startsWith("jdbc:")) {
            throw new IllegalArgumentException("database url must start with jdbc:, not " + databaseUrl);
        }
        Objects.requireNonNull(attachmentsDir, "attachments dir");
        Objects.requireNonNull(messagesDir, "messages dir");
        Objects.requireNonNull(databaseUser, "database user");
        Objects.requireNonNull(databasePassword, "database password");
    }

    /** An embedded database, which needs no user nor password. */
    public Storage(String databaseUrl, Path attachmentsDir, Path messagesDir) {
        this(databaseUrl, attachmentsDir, messagesDir, "", "");
    }

    /** Leaves the password out, so that logging the record cannot leak it. */
    @Override
    public String toString() {
        return "Storage[" + databaseUrl.split("[;?]", 2)[0] + ", user=" + databaseUser + ", attachments="
                + attachmentsDir + ", messages=" + messagesDir + "]";
    }
}
