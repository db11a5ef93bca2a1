package org.guichet.intake;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.search.HeaderTerm;
import javax.net.ssl.SSLException;
import org.guichet.config.Imap;

/** Administrative calls on the mailbox, outside the daemon: the login of {@code config check}, a quarantine release. */
public final class ImapCheck {
    private ImapCheck() {
    }

    /** Logs in and opens the watched folder read-only; returns what was found, or throws naming the fault. */
    public static String login(Imap imap) {
        try (Store store = connect(imap)) {
            Folder folder = store.getFolder(imap.folder());
            if (!folder.exists()) {
                throw new IntakeException("logged in, but the folder " + imap.folder() + " does not exist; correct"
                        + " imap.folder", null);
            }
            folder.open(Folder.READ_ONLY);
            int count = folder.getMessageCount();
            folder.close(false);
            return "logged in as " + imap.user() + " on " + where(imap) + "; " + imap.folder() + " holds " + count
                    + " mail(s)";
        } catch (MessagingException e) {
            throw new IntakeException("cannot log in as " + imap.user() + " on " + where(imap) + ": " + reason(e), e);
        }
    }

    /**
     * Moves the quarantined copy of a mail, found by its Message-ID, to the processed folder, once a retry
     * handled it; returns how many copies were moved.
     */
    public static int release(Imap imap, String messageId) {
        try (Store store = connect(imap)) {
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

    private static Store connect(Imap imap) throws MessagingException {
        Store store = ImapSession.of(imap).getStore(ImapSession.protocol(imap));
        store.connect(imap.host(), imap.port(), imap.user(), imap.password());
        return store;
    }

    private static String where(Imap imap) {
        String security = imap.ssl() ? "IMAPS" : imap.starttls() ? "STARTTLS" : "plain text, no TLS";
        return imap.host() + ":" + imap.port() + " (" + security + ")";
    }

    /** The innermost cause, which says what really went wrong; a certificate problem is named as such. */
    static String reason(Exception e) {
        Throwable t = e;
        boolean tls = false;
        for (; t.getCause() != null && t.getCause() != t; t = t.getCause()) {
            tls |= t instanceof SSLException;
        }
        tls |= t instanceof SSLException || t instanceof java.security.GeneralSecurityException;
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return tls ? "the server's TLS certificate is not trusted or does not match the host (" + message + ")"
                : message;
    }
}
