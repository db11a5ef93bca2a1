package org.guichet.parse;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;

/**
 * A MimeMessage whose top header section is read by {@link HeaderSection}, within bounds. Given a Jakarta Mail shared
 * stream (in memory or on file), its body and parts are views of that stream, never copies.
 */
final class BoundedMessage extends MimeMessage {

    private final Problems problems;

    BoundedMessage(Session session, InputStream shared, Problems problems) throws MessagingException {
        super(session);
        this.problems = problems;
        // Parsed here rather than by MimeMessage(Session, InputStream), whose constructor would call
        // createInternetHeaders before this object's fields are set.
        parse(shared);
        modified = false;
        saved = true;
    }

    @Override
    protected InternetHeaders createInternetHeaders(InputStream in) throws MessagingException {
        return HeaderSection.read(in, problems);
    }
}
