package org.guichet.notify;

import jakarta.mail.Session;
import java.util.Properties;
import org.guichet.config.Smtp;

/**
 * The Jakarta Mail session for SMTP: timeouts on every call (Angus Mail's are infinite by default) and, when
 * STARTTLS is asked for, STARTTLS required and the server's certificate checked.
 */
final class SmtpSession {
    private SmtpSession() {
    }

    static Session of(Smtp smtp) {
        Properties p = new Properties();
        String timeout = Long.toString(smtp.timeout().toMillis());
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", smtp.host());
        p.put("mail.smtp.port", Integer.toString(smtp.port()));
        p.put("mail.smtp.connectiontimeout", timeout);
        p.put("mail.smtp.timeout", timeout);
        p.put("mail.smtp.writetimeout", timeout);
        p.put("mail.smtp.auth", Boolean.toString(!smtp.user().isEmpty()));
        p.put("mail.smtp.ssl.enable", Boolean.toString(smtp.ssl()));
        p.put("mail.smtp.starttls.enable", Boolean.toString(smtp.starttls()));
        p.put("mail.smtp.starttls.required", Boolean.toString(smtp.starttls()));
        p.put("mail.smtp.ssl.checkserveridentity", "true");
        return Session.getInstance(p);
    }
}
