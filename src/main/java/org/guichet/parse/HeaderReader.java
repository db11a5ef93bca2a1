package org.guichet.parse;

import jakarta.mail.Header;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import java.text.ParsePosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** Reads the top-level header fields of a mail: the header map, addresses, date, ids and subject. */
final class HeaderReader {
    // built once a thread, not once a mail: building one costs more than parsing a date (it is not thread-safe)
    private static final ThreadLocal<MailDateFormat> DATES = ThreadLocal.withInitial(MailDateFormat::new);
    private static final java.util.regex.Pattern CONTROLS = java.util.regex.Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]");


    private final MimeMessage message;
    private final Problems problems;

    HeaderReader(MimeMessage message, Problems problems) {
        this.message = message;
        this.problems = problems;
    }

    MailHeaders headers() {
        MailHeaders.Builder builder = new MailHeaders.Builder();
        for (Header header : MimeAccess.allHeaders(message, problems)) {
            String value = header.getValue() == null ? "" : header.getValue();
            String decoded = HeaderText.decode("the " + header.getName() + " header", value, problems);
            if (!builder.add(header.getName(), decoded, HeaderText.unfold(value))) {
                problems.add("The mail has more than " + MailHeaders.MAX_FIELDS + " header fields or "
                        + MailHeaders.MAX_CHARS / 1024 + " KiB of them; the rest were dropped.");
                break;
            }
        }
        return builder.build();
    }

    List<MailAddress> addresses(String field) {
        return Addresses.parse(field, raw(field), problems);
    }

    Optional<MailAddress> from() {
        List<MailAddress> from = addresses("From");
        if (from.isEmpty()) {
            problems.add("The mail has no readable From address.");
        }
        return from.stream().findFirst();
    }

    Optional<Instant> date() {
        Optional<String> value = raw("Date").stream().map(HeaderText::unfold).map(String::trim).findFirst();
        if (value.isEmpty() || value.get().isEmpty()) {
            problems.add("The mail has no Date header.");
            return Optional.empty();
        }
        Optional<Instant> date = parseDate(value.get());
        if (date.isEmpty()) {
            problems.add("The Date header \"" + Texts.shorten(value.get()) + "\" could not be read; it was ignored.");
        }
        return date;
    }

    Optional<String> messageId() {
        Optional<String> value = raw("Message-ID").stream().map(HeaderText::unfold).findFirst();
        if (value.isEmpty()) {
            problems.add("The mail has no Message-ID.");
            return Optional.empty();
        }
        return MessageIds.first(value.get(), problems);
    }

    List<String> ids(String field) {
        return MessageIds.all(String.join(" ", raw(field)), field, problems);
    }

    /** The decoded subject, tabs and control characters turned into spaces, trimmed; read even past the bounds. */
    String subject() {
        String subject = raw("Subject").stream().findFirst()
                .map(value -> HeaderText.decode("the Subject header", value, problems)).orElse("");
        return CONTROLS.matcher(subject).replaceAll(" ").strip();
    }

    private List<String> raw(String field) {
        return new ArrayList<>(MimeAccess.header(message, field, problems));
    }

    private static Optional<Instant> parseDate(String value) {
        try {
            Date date = DATES.get().parse(value, new ParsePosition(0));
            return Optional.ofNullable(date).map(Date::toInstant);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
