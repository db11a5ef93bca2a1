package org.guichet.parse;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Every checked Jakarta Mail call the parser makes, each in one small method that turns a failure into a recorded
 * problem and an empty result. Jakarta Mail also throws unchecked exceptions on some malformed input; they are
 * treated the same way, since bad mail must never stop the parse.
 */
final class MimeAccess {

    private MimeAccess() {
    }

    /** The mail read from a Jakarta Mail shared stream, so that its parts are views of it rather than copies. */
    static Optional<MimeMessage> message(Session session, InputStream shared, Problems problems) {
        try {
            return Optional.of(new BoundedMessage(session, shared, problems));
        } catch (MessagingException | RuntimeException e) {
            problems.add("The mail could not be read as MIME (" + reason(e) + "); it was left empty.");
            return Optional.empty();
        }
    }

    static List<Header> allHeaders(MimeMessage message, Problems problems) {
        try {
            return Collections.list(message.getAllHeaders());
        } catch (MessagingException | RuntimeException e) {
            problems.add("The header fields could not be read (" + reason(e) + ").");
            return List.of();
        }
    }

    /** The raw values of one header field; empty when absent or unreadable. */
    static List<String> header(Part part, String name, Problems problems) {
        try {
            String[] values = part.getHeader(name);
            return values == null ? List.of() : List.of(values);
        } catch (MessagingException | RuntimeException e) {
            problems.add("The " + name + " header could not be read (" + reason(e) + ").");
            return List.of();
        }
    }

    static Optional<String> contentType(Part part, String where, Problems problems) {
        try {
            return Optional.ofNullable(part.getContentType());
        } catch (MessagingException | RuntimeException e) {
            problems.add(TextDecoder.capitalise(where) + " has an unreadable Content-Type (" + reason(e) + ").");
            return Optional.empty();
        }
    }

    /** The RFC 2231 and RFC 2047 decoded file name; read from the raw fields when they are malformed. */
    static Optional<String> fileName(Part part, String where, Problems problems) {
        try {
            return Optional.ofNullable(part.getFileName());
        } catch (MessagingException | RuntimeException e) {
            problems.add(TextDecoder.capitalise(where) + " has a malformed file name parameter; it was read as written.");
            List<String> raw = new ArrayList<>(header(part, "Content-Disposition", problems));
            raw.addAll(header(part, "Content-Type", problems));
            return RawParams.fileName(raw);
        }
    }

    static Optional<String> disposition(Part part, String where, Problems problems) {
        try {
            return Optional.ofNullable(part.getDisposition());
        } catch (MessagingException | RuntimeException e) {
            problems.add(TextDecoder.capitalise(where) + " has a malformed Content-Disposition; it was read as written.");
            return RawParams.disposition(header(part, "Content-Disposition", problems));
        }
    }

    static Optional<String> contentId(Part part, Problems problems) {
        try {
            return part instanceof MimePart mime ? Optional.ofNullable(mime.getContentID()) : Optional.empty();
        } catch (MessagingException | RuntimeException e) {
            problems.add("A Content-ID could not be read (" + reason(e) + ").");
            return Optional.empty();
        }
    }

    static Optional<String> transferEncoding(Part part, Problems problems) {
        try {
            return part instanceof MimePart mime ? Optional.ofNullable(mime.getEncoding()) : Optional.empty();
        } catch (MessagingException | RuntimeException e) {
            problems.add("A Content-Transfer-Encoding could not be read (" + reason(e) + ").");
            return Optional.empty();
        }
    }

    /** The part's content with its transfer encoding undone. */
    static Optional<InputStream> decodedContent(Part part, String where, Problems problems) {
        try {
            return Optional.of(part.getInputStream());
        } catch (MessagingException | java.io.IOException | RuntimeException e) {
            problems.add(TextDecoder.capitalise(where) + " could not be decoded (" + reason(e) + "); it was left out.");
            return Optional.empty();
        }
    }

    /** The header fields at the top of a stream, such as those of a forwarded mail. */
    static Optional<InternetHeaders> headersOf(InputStream content, String where, Problems problems) {
        try (content) {
            return Optional.of(new InternetHeaders(content, true));
        } catch (MessagingException | java.io.IOException | RuntimeException e) {
            problems.add("The headers of " + where + " could not be read (" + reason(e) + ").");
            return Optional.empty();
        }
    }

    static String reason(Exception e) {
        String message = e.getMessage();
        String shortened = message == null || message.isBlank() ? e.getClass().getSimpleName() : message.strip();
        shortened = shortened.replaceAll("\\s++", " ");
        return shortened.length() > 120 ? shortened.substring(0, 120) + "..." : shortened;
    }
}
