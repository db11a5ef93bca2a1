package org.guichet.intake;

import jakarta.mail.Session;
import java.time.Duration;
import java.util.Properties;
import org.guichet.config.Imap;
import org.guichet.connect.MailLogin;

/**
 * The Jakarta Mail session for IMAP: timeouts on every call (Angus Mail's are infinite by default), STARTTLS
 * required when asked for, and the server's certificate and name checked.
 */
final class ImapSession {
    private ImapSession() {
    }

    static String protocol(Imap imap) {
        return imap.ssl() ? "imaps" : "imap";
    }

    /** The session with a login of its own: for code that connects once (tests of the properties). */
    static Session of(Imap imap) {
        return of(imap, login(imap, java.time.Clock.systemUTC()));
    }

    /** The login for this mailbox, to build once and share: it keeps the OAuth2 token between connections. */
    static MailLogin login(Imap imap, java.time.Clock clock) {
        return new MailLogin("imap", imap.user(), imap.password(), imap.access(), imap.timeout(), clock);
    }

    static Session of(Imap imap, MailLogin login) {
        String p = "mail." + protocol(imap) + ".";
        String timeout = Long.toString(imap.timeout().toMillis());
        Properties props = new Properties();
        props.put(p + "host", imap.host());
        props.put(p + "port", Integer.toString(imap.port()));
        props.put(p + "connectiontimeout", timeout);
        props.put(p + "timeout", timeout);
        props.put(p + "writetimeout", timeout);
        props.put(p + "starttls.enable", Boolean.toString(imap.starttls()));
        props.put(p + "starttls.required", Boolean.toString(imap.starttls()));
        props.put(p + "ssl.checkserveridentity", "true");
        // reading a mail must not mark it \\Seen: a person may be watching the mailbox too
        props.put(p + "peek", "true");
        // one connection for the folder, no pool of idle extra ones
        props.put(p + "connectionpoolsize", "1");
        props.put(p + "separatestoreconnection", "false");
        // a large mail is fetched in 1 MiB pieces, each held in memory once: 50 round trips for a 50 MB mail
        // rather than 3,200 of the default 16 KiB (some servers, GreenMail among them, render the whole mail again
        // for every piece), and never the whole mail in one response
        props.put(p + "fetchsize", Integer.toString(1024 * 1024));
        login.configure(props, protocol(imap));
        return Session.getInstance(props);
    }

    /** How often IDLE is renewed: well inside both the read timeout and the 29 minutes of RFC 2177. */
    static Duration idleRenewal(Imap imap) {
        Duration half = imap.timeout().dividedBy(2);
        Duration limit = Duration.ofMinutes(20);
        return half.compareTo(limit) < 0 ? half : limit;
    }
}
