package org.guichet.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import org.guichet.config.Smtp;

/** The SMTP login of {@code config check}: connects as the outbox does, sends nothing. */
public final class SmtpCheck {
    private SmtpCheck() {
    }

    /** Connects (and logs in when a user is set); returns what was done, or throws naming the fault. */
    public static String login(Smtp smtp) {
        try (Transport transport = SmtpSession.of(smtp).getTransport("smtp")) {
            if (smtp.authenticates()) {
                transport.connect(smtp.host(), smtp.port(), smtp.user(), smtp.password());
            } else {
                transport.connect();
            }
            return "connected to " + where(smtp) + (smtp.authenticates() ? " and logged in as " + smtp.user() : "");
        } catch (MessagingException e) {
            throw new NotifyException("cannot connect to " + where(smtp) + ": " + reason(e), e);
        }
    }

    private static String where(Smtp smtp) {
        String security = smtp.ssl() ? "SMTPS" : smtp.starttls() ? "STARTTLS" : "plain text, no TLS";
        return smtp.host() + ":" + smtp.port() + " (" + security + ")";
    }

    private static String reason(Exception e) {
        Throwable t = e;
        boolean tls = false;
        for (; t.getCause() != null && t.getCause() != t; t = t.getCause()) {
            tls |= t instanceof javax.net.ssl.SSLException;
        }
        tls |= t instanceof javax.net.ssl.SSLException || t instanceof java.security.GeneralSecurityException;
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return tls ? "the server's TLS certificate is not trusted or does not match the host (" + message + ")"
                : message;
    }
}
