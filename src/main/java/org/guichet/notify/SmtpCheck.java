package org.guichet.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import org.guichet.config.Smtp;
import org.guichet.connect.MailFailure;
import org.guichet.connect.MailLogin;

/** The SMTP login of {@code config check}: connects as the outbox does, sends nothing. */
public final class SmtpCheck {
    private SmtpCheck() {
    }

    /** Connects (and logs in when a user is set); returns what was done, or throws naming the fault. */
    public static String login(Smtp smtp) {
        return login(smtp, SmtpSession.login(smtp, java.time.Clock.systemUTC()));
    }

    /** The same with the given login; the answer tells the TLS version and certificate, and the token's expiry. */
    public static String login(Smtp smtp, MailLogin login) {
        try (Transport transport = SmtpSession.of(smtp, login).getTransport("smtp")) {
            SmtpSession.connect(smtp, login, transport);
            String tls = smtp.ssl() || smtp.starttls() ? login.lastTls().map(t -> "; TLS " + t).orElse("") : "";
            return "connected to " + where(smtp) + (smtp.authenticates() ? " and logged in as " + smtp.user() : "")
                    + tls + login.tokenExpiry().map(t -> "; OAuth2 token valid until " + t).orElse("");
        } catch (MessagingException e) {
            throw new NotifyException("cannot connect to " + where(smtp) + ": " + reason(e), e);
        }
    }

    private static String where(Smtp smtp) {
        String security = smtp.ssl() ? "SMTPS" : smtp.starttls() ? "STARTTLS" : "plain text, no TLS";
        return smtp.host() + ":" + smtp.port() + " (" + security + ")";
    }

    private static String reason(Exception e) {
        return MailFailure.describe(e, "smtp");
    }
}
