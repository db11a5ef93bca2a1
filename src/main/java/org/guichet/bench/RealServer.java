package org.guichet.bench;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.util.List;

/**
 * A mail server of its own, Dovecot for instance: mails are put in the support INBOX with IMAP APPEND, a hundred
 * to a call, which every IMAP server accepts; nothing is installed or started here.
 */
final class RealServer implements BenchServer {
    private static final int APPEND_BATCH = 100;
    private final Endpoints endpoints;

    RealServer(Endpoints endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    public Endpoints endpoints() {
        return endpoints;
    }

    @Override
    public void put(List<MimeMessage> mails) throws MessagingException {
        Store store = MailboxProbe.session(endpoints).getStore(endpoints.imapSsl() ? "imaps" : "imap");
        store.connect(endpoints.imapHost(), endpoints.imapPort(), endpoints.user(), endpoints.password());
        try {
            Folder inbox = store.getFolder("INBOX");
            for (int from = 0; from < mails.size(); from += APPEND_BATCH) {
                inbox.appendMessages(mails.subList(from, Math.min(mails.size(), from + APPEND_BATCH))
                        .toArray(new Message[0]));
            }
        } finally {
            store.close();
        }
    }

    @Override
    public boolean embedded() {
        return false;
    }

    @Override
    public String describe() {
        return "mail server at IMAP " + endpoints.imap() + ", SMTP " + endpoints.smtp();
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
