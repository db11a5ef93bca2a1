package org.guichet.connect;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.guichet.config.Access;

/**
 * Guichet's login on one mail server, built once and shared by every connection to it: the session properties
 * for TLS (trusted authorities, host name checked) and for the login mechanism, the secret to send (the password,
 * or an OAuth2 access token kept until shortly before it expires), and a refused token renewed once.
 */
public final class MailLogin {
    private final String key;
    private final String user;
    private final String password;
    private final Access access;
    private final TlsSockets sockets;
    private final Optional<OAuth2Tokens> tokens;

    /** {@code key} names the config section ({@code imap} or {@code smtp}) in messages. */
    public MailLogin(String key, String user, String password, Access access, Duration timeout, Clock clock) {
        this.key = key;
        this.user = user;
        this.password = password;
        this.access = access;
        this.sockets = TlsSockets.trusting(access.trustStore(), key + ".trust-store");
        this.tokens = access.oauth2().map(settings -> new OAuth2Tokens(settings, clock, timeout));
    }

    /** One connection attempt with the user and secret given. */
    @FunctionalInterface
    public interface Attempt<T> {
        T connect(String user, String secret) throws MessagingException;
    }

    /** Adds the TLS and login properties under {@code mail.<protocol>.}. */
    public void configure(Properties props, String protocol) {
        String p = "mail." + protocol + ".";
        props.put(p + "ssl.socketFactory", sockets);
        // no second try with the JDK's default factory: its error would hide the real one
        props.put(p + "ssl.socketFactory.fallback", "false");
        props.put(p + "socketFactory.fallback", "false");
        props.put(p + "ssl.checkserveridentity", "true");
        if (access.usesOAuth2()) {
            props.put(p + "auth.mechanisms", "XOAUTH2");
            props.put(p + "sasl.enable", "false");
        }
    }

    /**
     * Connects with the password or the current access token. A token the server refuses before its expiry
     * (revoked) is dropped and a new one tried, once; a second refusal is reported as such.
     */
    public <T> T login(Attempt<T> attempt) throws MessagingException {
        if (tokens.isEmpty()) {
            return attempt.connect(user, password);
        }
        try {
            return attempt.connect(user, tokens.get().accessToken());
        } catch (AuthenticationFailedException first) {
            tokens.get().forget();
            try {
                return attempt.connect(user, tokens.get().accessToken());
            } catch (AuthenticationFailedException again) {
                tokens.get().forget();
                AuthenticationFailedException refused = new AuthenticationFailedException("the server refused a"
                        + " fresh OAuth2 access token for " + user + " (" + again.getMessage() + "); the account may"
                        + " lack the mail permission, or the token's user differs from " + key + ".user");
                refused.initCause(again);
                throw refused;
            }
        }
    }

    /** When the OAuth2 access token in use expires; empty with a password login. */
    public Optional<Instant> tokenExpiry() {
        return tokens.flatMap(OAuth2Tokens::expiry);
    }

    /** The TLS version and the server certificate's subject of the last connection, as {@code config check} shows. */
    public Optional<String> lastTls() {
        return sockets.last().map(socket -> describe(socket.getSession()));
    }

    private static String describe(SSLSession session) {
        String subject = "";
        try {
            Certificate[] chain = session.getPeerCertificates();
            if (chain.length > 0 && chain[0] instanceof X509Certificate x509) {
                subject = ", certificate " + x509.getSubjectX500Principal().getName() + " issued by "
                        + x509.getIssuerX500Principal().getName();
            }
        } catch (SSLPeerUnverifiedException e) {
            subject = ", certificate not verified";
        }
        return session.getProtocol() + subject;
    }
}
