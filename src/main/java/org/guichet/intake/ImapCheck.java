package org.guichet.intake;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.search.HeaderTerm;
import org.guichet.config.Imap;
import org.guichet.connect.MailFailure;
import org.guichet.connect.MailLogin;

/** Administrative calls on the mailbox, outside the daemon: the login of {@code config check}, a quarantine release. */
public final class ImapCheck {
    private ImapCheck() {
    }

    /** Logs in and opens the watched folder read-only; returns what was found, or throws naming the fault. */
    public static String login(Imap imap) {
        return login(imap, ImapSession.login(imap, java.time.Clock.systemUTC()));
    }

    /**
     * The same with the given login; the answer tells the TLS version and certificate seen, and the OAuth2
     * token's expiry.
     */
    public static String login(Imap imap, MailLogin login) {
        try (Store store = connect(imap, login)) {
            Folder folder = store.getFolder(imap.folder());
            if (!folder.exists()) {
                throw new IntakeException("logged in, but the folder " + imap.folder() + " does not exist; correct"
                        + " imap.folder", null);
            }
            folder.open(Folder.READ_ONLY);
            int count = folder.getMessageCount();
            folder.close(false);
            return "logged in as " + imap.user() + " on " + where(imap) + "; " + imap.folder() + " holds " + count
                    + " mail(s)" + details(imap, login);
        } catch (MessagingException e) {
            throw new IntakeException("cannot log in as " + imap.user() + " on " + where(imap) + ": " + reason(e), e);
        }
    }

    /**
     * Moves the quarantined copy of a mail, found by its Message-ID, to the processed folder, once a retry
     * handled it; returns how many copies were moved.
     */
    public static int release(Imap imap, String messageId) {
        try (Store store = connect(imap, ImapSession.login(imap, java.time.Clock.systemUTC()))) {
            Folder quarantine = store.getFolder(imap.quarantineFolder());
            quarantine.open(Folder.READ_WRITE);
            Message[] found = quarantine.search(new HeaderTerm("Message-ID", "<" + messageId + ">"));
            if (found.length > 0) {
                quarantine.copyMessages(found, store.getFolder(imap.processedFolder()));
                quarantine.setFlags(found, new jakarta.mail.Flags(jakarta.mail.Flags.Flag.DELETED), true);
            }
            quarantine.close(true);
            return found.length;
        } catch (MessagingException e) {
            throw new IntakeException("cannot move the mail out of " + imap.quarantineFolder() + " on " + where(imap)
                    + ": " + reason(e), e);
        }
    }

    private static Store connect(Imap imap, MailLogin login) throws MessagingException {
        Store store = ImapSession.of(imap, login).getStore(ImapSession.protocol(imap));
        return login.login((user, secret) -> {
            store.connect(imap.host(), imap.port(), user, secret);
            return store;
        });
    }

    /** TLS version and certificate, OAuth2 token expiry: what {@code config check} shows beyond the login. */
    static String details(Imap imap, MailLogin login) {
        String tls = imap.ssl() || imap.starttls() ? login.lastTls().map(t -> "; TLS " + t).orElse("") : "";
        return tls + login.tokenExpiry().map(t -> "; OAuth2 token valid until " + t).orElse("");
    }

    private static String where(Imap imap) {
        String security = imap.ssl() ? "IMAPS" : imap.starttls() ? "STARTTLS" : "plain text, no TLS";
        return imap.host() + ":" + imap.port() + " (" + security + ")";
    }

    /** The innermost cause, which says what really went wrong; a certificate problem is named as such. */
    static String reason(Exception e) {
        return MailFailure.describe(e, "imap");
    }
}
