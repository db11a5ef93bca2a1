package org.guichet.bench;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.Properties;

/**
 * How the bench sees what a user would: the number of mails in a mailbox's INBOX, asked with IMAP STATUS on one
 * connection kept open, so that a new acknowledgement or an emptied INBOX shows within a few milliseconds.
 */
final class MailboxProbe implements AutoCloseable {
    private final Store store;

    private MailboxProbe(Store store) {
        this.store = store;
    }

    /** The support mailbox, with the bench's login. */
    static MailboxProbe support(Endpoints endpoints) throws MessagingException {
        return open(endpoints, endpoints.user(), endpoints.password());
    }

    /** A requester's mailbox: its local part is its password on the bench's servers. */
    static MailboxProbe requester(Endpoints endpoints, String address) throws MessagingException {
        return open(endpoints, address, address.substring(0, address.indexOf('@')));
    }

    private static MailboxProbe open(Endpoints endpoints, String user, String password) throws MessagingException {
        Store store = session(endpoints).getStore(endpoints.imapSsl() ? "imaps" : "imap");
        store.connect(endpoints.imapHost(), endpoints.imapPort(), user, password);
        return new MailboxProbe(store);
    }

    static Session session(Endpoints endpoints) {
        Properties p = new Properties();
        // STATUS every time it is asked: the default caches its answer for a second
        p.put("mail.imap.statuscachetimeout", "0");
        p.put("mail.imaps.statuscachetimeout", "0");
        p.put("mail.smtp.host", endpoints.smtpHost());
        p.put("mail.smtp.port", Integer.toString(endpoints.smtpPort()));
        p.put("mail.smtp.ssl.enable", Boolean.toString(endpoints.smtpSsl()));
        return Session.getInstance(p);
    }

    /** The mails in INBOX now. */
    int inbox() throws MessagingException {
        Folder inbox = store.getFolder("INBOX");
        return inbox.getMessageCount();
    }

    @Override
    public void close() throws MessagingException {
        store.close();
    }
}
