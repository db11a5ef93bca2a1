package org.guichet.app;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/** Direct access to a GreenMail's mailboxes, without IMAP: to load hundreds of mails fast and to count folders. */
final class MailServer {
    private final GreenMail greenMail;

    MailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    GreenMailUser user(String address) {
        GreenMailUser existing = greenMail.getUserManager().getUserByEmail(address);
        return existing != null ? existing : greenMail.setUser(address, address, "any");
    }

    /** Puts raw RFC 5322 bytes in a folder exactly as they are, as a delivery agent would. */
    void append(String address, String folder, byte[] raw) throws MessagingException, FolderException {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        folder(address, folder, true).appendMessage(message, new Flags(), new Date());
    }

    void append(String address, String raw) throws MessagingException, FolderException {
        append(address, "INBOX", raw.getBytes(StandardCharsets.UTF_8));
    }

    int count(String address, String folder) {
        MailFolder f = folder(address, folder, false);
        return f == null ? 0 : f.getMessageCount();
    }

    List<StoredMessage> messages(String address, String folder) {
        MailFolder f = folder(address, folder, false);
        return f == null ? List.of() : f.getMessages();
    }

    MailFolder folder(String address, String name, boolean create) {
        GreenMailUser user = user(address);
        try {
            var manager = greenMail.getManagers().getImapHostManager();
            if (name.equals("INBOX")) {
                return manager.getInbox(user);
            }
            MailFolder f = manager.getFolder(user, name);
            return f != null || !create ? f : manager.createMailbox(user, name);
        } catch (FolderException | com.icegreen.greenmail.imap.AuthorizationException e) {
            throw new IllegalStateException("GreenMail folder " + name + " of " + address + ": " + e.getMessage(), e);
        }
    }
}
