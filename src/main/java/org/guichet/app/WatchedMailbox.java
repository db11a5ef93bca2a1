package org.guichet.app;

import java.util.Objects;
import org.guichet.config.MailboxSettings;
import org.guichet.connect.MailLogin;
import org.guichet.intake.ImapIntake;

/** One mailbox as the daemon reads it: its settings, its login (built once, an OAuth2 token kept), its intake. */
public record WatchedMailbox(MailboxSettings settings, MailLogin login, ImapIntake intake) {
    public WatchedMailbox {
        Objects.requireNonNull(settings);
        Objects.requireNonNull(login);
        Objects.requireNonNull(intake);
    }

    public String name() {
        return settings.name();
    }
}
