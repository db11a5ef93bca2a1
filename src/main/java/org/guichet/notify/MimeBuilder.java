package org.guichet.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.commons.mail2.core.EmailException;
import org.apache.commons.mail2.jakarta.HtmlEmail;
import org.guichet.parse.Attachment;
import org.guichet.store.BlobStore;
import org.guichet.ticket.Notices;
import org.guichet.ticket.OutgoingMail;

/**
 * Builds the MIME message of one notification with Apache Commons Email: plain text with an HTML
 * alternative, the recorded Message-ID, threading headers and the headers that stop auto-replies.
 */
final class MimeBuilder {
    private final Session session;
    private final String fromAddress;
    private final BlobStore attachments;

    MimeBuilder(Session session, String fromAddress, BlobStore attachments) {
        this.session = session;
        this.fromAddress = fromAddress;
        this.attachments = attachments;
    }

    MimeMessage build(OutgoingMail mail) {
        try {
            HtmlEmail email = new FixedIdEmail(mail.messageId());
            email.setMailSession(session);
            email.setCharset(StandardCharsets.UTF_8.name());
            email.setFrom(fromAddress, Notices.oneLine(mail.fromName()));
            email.addTo(mail.recipient());
            if (mail.replyTo().isPresent()) {
                email.addReplyTo(mail.replyTo().get());
            }
            email.setSubject(Notices.oneLine(mail.subject()));
            email.setTextMsg(mail.text());
            if (mail.html().isPresent()) {
                email.setHtmlMsg(mail.html().get());
            }
            email.addHeader("Auto-Submitted", mail.autoSubmitted());
            email.addHeader("X-Auto-Response-Suppress", "All");
            mail.inReplyTo().ifPresent(id -> email.addHeader("In-Reply-To", angle(id)));
            if (!mail.references().isEmpty()) {
                email.addHeader("References", String.join(" ", mail.references().stream().map(MimeBuilder::angle).toList()));
            }
            for (Attachment a : mail.attachments()) {
                Optional<Path> file = attachments.find(a.sha256());
                if (file.isEmpty()) {
                    throw new NotifyException("attachment " + a.name() + " (" + a.sha256() + ") of notification "
                            + mail.messageId() + " is missing from the store " + attachments.root(), null);
                }
                email.attach(new StoredFileSource(file.get(), a.contentType(), a.name()), Notices.oneLine(a.name()), "");
            }
            email.buildMimeMessage();
            MimeMessage message = email.getMimeMessage();
            message.saveChanges();
            return message;
        } catch (EmailException | MessagingException e) {
            throw new NotifyException("cannot build notification " + mail.messageId() + " to " + mail.recipient()
                    + ": " + e.getMessage(), e);
        }
    }

    /** A Message-ID is an id between angle brackets; anything that could break the header is removed. */
    static String angle(String id) {
        return "<" + id.replaceAll("[\\s<>\\p{Cntrl}]", "") + ">";
    }

    /** Commons Email lets Jakarta Mail make up a Message-ID; ours was recorded when the change was made. */
    private static final class FixedIdEmail extends HtmlEmail {
        private final String messageId;

        FixedIdEmail(String messageId) {
            this.messageId = messageId;
        }

        @Override
        protected MimeMessage createMimeMessage(Session session) {
            return new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", angle(messageId));
                }
            };
        }
    }
}
