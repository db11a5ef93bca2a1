package org.guichet.bench;

import java.util.Objects;

/**
 * Where the bench's mail is: the support mailbox Guichet reads over IMAP and the SMTP server it sends through (the
 * bench submits its requesters' mails there too). Plain or implicit TLS; requesters read their mailboxes with their
 * local part as password, as the test servers of {@code src/test/mail-servers} and GreenMail allow.
 */
record Endpoints(String imapHost, int imapPort, boolean imapSsl, String smtpHost, int smtpPort, boolean smtpSsl,
        String user, String password, String smtpUser, String smtpPassword) {

    Endpoints {
        Objects.requireNonNull(imapHost);
        Objects.requireNonNull(smtpHost);
        Objects.requireNonNull(user);
        Objects.requireNonNull(password);
        Objects.requireNonNull(smtpUser);
        Objects.requireNonNull(smtpPassword);
    }

    /** {@code HOST:PORT}, as the bench's options take them. */
    static String host(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new IllegalArgumentException("expected HOST:PORT, got '" + hostPort + "'");
        }
        return hostPort.substring(0, colon);
    }

    static int port(String hostPort) {
        try {
            return Integer.parseInt(host(hostPort).isEmpty() ? "" : hostPort.substring(hostPort.lastIndexOf(':') + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected HOST:PORT, got '" + hostPort + "'", e);
        }
    }

    String imap() {
        return imapHost + ":" + imapPort;
    }

    String smtp() {
        return smtpHost + ":" + smtpPort;
    }
}
