package org.guichet.config;

import java.time.Duration;
import java.util.Objects;

/** The mailbox that Guichet reads: where it is, how to log in, and which folders hold handled and refused mail. */
public record Imap(String host, int port, boolean ssl, boolean starttls, String user, String password,
        String folder, String processedFolder, String quarantineFolder, Duration pollInterval, boolean idle,
        Duration timeout, Access access, Duration failover) {

    /** How long a standby instance waits, at most, before it takes over a dead reader's mailbox. */
    public static final Duration DEFAULT_FAILOVER = Duration.ofSeconds(30);

    /** A password login with the JDK's certificate authorities and the default failover. */
    public Imap(String host, int port, boolean ssl, boolean starttls, String user, String password, String folder,
            String processedFolder, String quarantineFolder, Duration pollInterval, boolean idle, Duration timeout) {
        this(host, port, ssl, starttls, user, password, folder, processedFolder, quarantineFolder, pollInterval, idle,
                timeout, Access.password(), DEFAULT_FAILOVER);
    }

    public Imap {
        Checks.text(host, "imap host");
        Checks.port(port, "imap port");
        Checks.text(user, "imap user");
        Objects.requireNonNull(password, "imap password");
        Checks.text(folder, "imap folder");
        Checks.text(processedFolder, "imap processed folder");
        Checks.text(quarantineFolder, "imap quarantine folder");
        Checks.positive(pollInterval, "imap poll interval");
        Checks.positive(timeout, "imap timeout");
        Objects.requireNonNull(access, "imap access");
        Checks.positive(failover, "imap failover");
    }

    /** Leaves the password out, so that logging the record cannot leak it. */
    @Override
    public String toString() {
        return "Imap[" + user + "@" + host + ":" + port + ", ssl=" + ssl + ", starttls=" + starttls
                + ", folder=" + folder + "]";
    }
}
