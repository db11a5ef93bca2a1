package org.guichet.notify;

import jakarta.mail.Session;
import java.util.Properties;
import org.guichet.config.Smtp;
import org.guichet.connect.MailLogin;

/**
 * The Jakarta Mail session for SMTP: timeouts on every call (Angus Mail's are infinite by default) and, when
 * STARTTLS is asked for, STARTTLS required and the server's certificate checked.
 */
final class SmtpSession {
    private SmtpSession() {
    }

    /** The login for this server, to build once and share: it keeps the OAuth2 token between connections. */
    static MailLogin login(Smtp smtp, java.time.Clock clock) {
        return new MailLogin("smtp", smtp.user(), smtp.password(), smtp.access(), smtp.timeout(), clock);
    }

    static Session of(Smtp smtp, MailLogin login) {
        Properties p = new Properties();
        String timeout = Long.toString(smtp.timeout().toMillis());
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", smtp.host());
        p.put("mail.smtp.port", Integer.toString(smtp.port()));
        p.put("mail.smtp.connectiontimeout", timeout);
        p.put("mail.smtp.timeout", timeout);
        p.put("mail.smtp.writetimeout", timeout);
        p.put("mail.smtp.auth", Boolean.toString(smtp.authenticates()));
        p.put("mail.smtp.ssl.enable", Boolean.toString(smtp.ssl()));
        p.put("mail.smtp.starttls.enable", Boolean.toString(smtp.starttls()));
        p.put("mail.smtp.starttls.required", Boolean.toString(smtp.starttls()));
        p.put("mail.smtp.ssl.checkserveridentity", "true");
        login.configure(p, "smtp");
        return Session.getInstance(p);
    }

    /** Connects, logging in when the server expects it (with the password or the OAuth2 token). */
    static void connect(Smtp smtp, MailLogin login, jakarta.mail.Transport transport)
            throws jakarta.mail.MessagingException {
        if (!smtp.authenticates()) {
            transport.connect();
            return;
        }
        login.login((user, secret) -> {
            transport.connect(smtp.host(), smtp.port(), user, secret);
            return transport;
        });
    }
}
