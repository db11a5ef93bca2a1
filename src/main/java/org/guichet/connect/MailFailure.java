package org.guichet.connect;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/** What went wrong on a connection to a mail server, in one line: the innermost cause, TLS faults named as such. */
public final class MailFailure {
    private MailFailure() {
    }

    /** {@code key} is the config section, {@code imap} or {@code smtp}, named in the advice. */
    public static String describe(Exception e, String key) {
        Throwable innermost = e;
        boolean tls = false;
        boolean untrusted = false;
        boolean nameMismatch = false;
        for (Throwable t = e; t != null; t = next(t)) {
            innermost = t;
            tls |= t instanceof SSLException;
            untrusted |= t instanceof CertPathValidatorException
                    || t.getClass().getName().endsWith("SunCertPathBuilderException");
            nameMismatch |= t instanceof CertificateException && String.valueOf(t.getMessage()).contains("match");
        }
        String message = innermost.getMessage() == null ? innermost.getClass().getSimpleName()
                : innermost.getMessage().strip().lines().findFirst().orElse("");
        if (nameMismatch) {
            return "the server's TLS certificate does not name this host (" + message + "); connect with a host name"
                    + " the certificate names, as " + key + ".host";
        }
        if (untrusted) {
            return "the server's TLS certificate is not trusted (" + message + "); if the server uses a private CA,"
                    + " set " + key + ".trust-store to the PEM file of that CA";
        }
        if (tls || e instanceof SSLHandshakeException) {
            return "the TLS handshake failed (" + message + ")";
        }
        if (e instanceof AuthenticationFailedException && e.getMessage() != null) {
            return "login refused: " + e.getMessage().strip();
        }
        return message;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }
}
