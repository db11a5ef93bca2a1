package org.guichet.parse;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything Guichet reads from one incoming mail, decoded and immutable; what was malformed is listed in
 * {@code problems}.
 *
 * @param messageId the Message-ID without angle brackets
 * @param inReplyTo message ids without angle brackets, in order
 * @param references message ids without angle brackets, in order
 * @param subject decoded, unfolded, trimmed; "" when none
 * @param text the full text body, lines ending in "\n"
 * @param newText the text with the quoted history cut; equals {@code text} when nothing is quoted
 * @param html the sanitised HTML body, when the mail has one
 * @param problems short sentences saying what was malformed and how it was read anyway; at most 50
 * @param reportText the status fields of a delivery report and the headers of the mail it returns, as text;
 *     "" for any other mail
 */
public record InboundMail(
        Optional<MailAddress> from, List<MailAddress> to, List<MailAddress> cc, List<MailAddress> replyTo,
        Optional<Instant> date, Optional<String> messageId,
        List<String> inReplyTo, List<String> references,
        String subject, String text, String newText, Optional<String> html,
        List<Attachment> attachments, MailHeaders headers, List<String> problems, String reportText) {

    /** The most problems one mail records; later ones are left out. */
    public static final int MAX_PROBLEMS = 50;

    public InboundMail {
        Objects.requireNonNull(from, "from");
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        replyTo = List.copyOf(replyTo);
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(messageId, "messageId");
        inReplyTo = List.copyOf(inReplyTo);
        references = List.copyOf(references);
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(newText, "newText");
        Objects.requireNonNull(html, "html");
        attachments = List.copyOf(attachments);
        Objects.requireNonNull(headers, "headers");
        problems = List.copyOf(problems);
        Objects.requireNonNull(reportText, "reportText");
        if (problems.size() > MAX_PROBLEMS) {
            throw new IllegalArgumentException("At most " + MAX_PROBLEMS + " problems, got " + problems.size());
        }
    }
}
