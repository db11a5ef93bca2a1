package org.guichet.parse;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.SharedInputStream;
import java.io.InputStream;

/**
 * One part of a multipart, as a view of the mail's shared stream from {@code start} to {@code end}: its header section
 * read within bounds by {@link HeaderSection}, its content never copied.
 */
final class BoundedPart extends MimeBodyPart {

    BoundedPart(SharedInputStream multipart, long start, long end, Problems problems) throws MessagingException {
        InputStream view = multipart.newStream(start, end);
        headers = HeaderSection.read(view, "A part", problems);
        SharedInputStream shared = (SharedInputStream) view;
        contentStream = shared.newStream(shared.getPosition(), -1);
    }
}
