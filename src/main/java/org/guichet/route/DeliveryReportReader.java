package org.guichet.route;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.guichet.parse.InboundMail;
import org.guichet.parse.MailAddress;

/**
 * Reads a bounce's returned Message-ID and failed recipients from what the parsed mail offers: its report parts
 * (message/delivery-status, the returned headers), its headers (X-Failed-Recipients, In-Reply-To, References)
 * and its text. The text holds RFC 3464 fields ("Final-Recipient",
 * "Status") when a mail server writes them there, and otherwise the human-readable sentences of Postfix, Exim,
 * Sendmail, qmail, Gmail and Exchange, which name the address and the status on the same paragraph.
 */
final class DeliveryReportReader {
    private static final Pattern FINAL_RECIPIENT = Pattern.compile(
            "(?im)^[ \\t]*+final-recipient\\s*+:\\s*(?:[a-z0-9-]+\\s*;)?\\s*<?([^\\s<>;]+@[^\\s<>;]+?)>?\\s*$");
    private static final Pattern STATUS_FIELD = Pattern.compile("(?im)^[ \\t]*+status\\s*+:\\s*([245]\\.\\d{1,3}\\.\\d{1,3})");
    private static final Pattern STATUS = Pattern.compile("(?<![\\d.])([245]\\.\\d{1,3}\\.\\d{1,3})(?!\\.?\\d)");
    private static final Pattern ADDRESS = Pattern.compile(
            "(?<![\\w.+%'-])[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern MESSAGE_ID_LINE = Pattern.compile("(?im)^[ \\t]*+message-id\\s*+:\\s*<([^<>\\s]+)>");
    // Header lines of a returned message shown inline: their ids and addresses name no failed recipient.
    private static final Pattern HEADER_LINE = Pattern.compile("(?i)^\\s*(message-id|in-reply-to|references|"
            + "received|return-path|from|sender|reply-to|dkim-signature|x-[a-z0-9-]+)\\s*:.*");

    // Where Exim, qmail and others paste the returned message: the addresses below are its, not the report's.
    private static final Pattern RETURNED_COPY = Pattern.compile(
            "(?im)^.*(copy of the (original )?message|original message follows|message headers follow).*$");

    private final Predicate<String> notARecipient;
    private final Optional<PlusAddress> plus;

    /** {@code ignored} tells the addresses that are never a failed recipient: ours, robots'. */
    DeliveryReportReader(Predicate<String> ignored) {
        this(ignored, Optional.empty());
    }

    /** With {@code plus}, a returned copy's reply address is checked against each failed recipient's token. */
    DeliveryReportReader(Predicate<String> ignored, Optional<PlusAddress> plus) {
        this.notARecipient = ignored;
        this.plus = plus;
    }

    DeliveryReport read(InboundMail mail) {
        List<DeliveryReport.FailedRecipient> failed = failed(mail);
        if (plus.isPresent()) {
            List<String> shown = addresses(mail.reportText() + "\n" + mail.text(), false);
            failed = failed.stream().map(f -> new DeliveryReport.FailedRecipient(f.address(), f.status(),
                    tokenTicket(shown, f.address()))).toList();
        }
        return new DeliveryReport(originalMessageId(mail), failed);
    }

    /** The ticket of the first reply address shown whose token is that recipient's own. */
    private Optional<Long> tokenTicket(List<String> shown, String recipient) {
        return shown.stream().map(a -> plus.get().provenTicketOf(a, recipient)).flatMap(Optional::stream).findFirst();
    }

    /** Shown headers first: they are the returned message's own; In-Reply-To and References only point at it. */
    private static Optional<String> originalMessageId(InboundMail mail) {
        Matcher m = MESSAGE_ID_LINE.matcher(mail.reportText() + "\n" + mail.text());
        if (m.find()) {
            return Optional.of(m.group(1));
        }
        return mail.inReplyTo().stream().findFirst()
                .or(() -> mail.references().isEmpty() ? Optional.empty()
                        : Optional.of(mail.references().get(mail.references().size() - 1)));
    }

    private List<DeliveryReport.FailedRecipient> failed(InboundMail mail) {
        List<DeliveryReport.FailedRecipient> fields = fromFields(mail.reportText());
        if (fields.isEmpty()) {
            fields = fromFields(mail.text());
        }
        return fields.isEmpty() ? fromSentences(mail) : fields;
    }

    /** RFC 3464 per-recipient fields: each Status belongs to the Final-Recipient before it. */
    private static List<DeliveryReport.FailedRecipient> fromFields(String text) {
        List<DeliveryReport.FailedRecipient> found = new ArrayList<>();
        Matcher recipient = FINAL_RECIPIENT.matcher(text);
        List<Integer> starts = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        while (recipient.find()) {
            starts.add(recipient.start());
            addresses.add(recipient.group(1).toLowerCase(Locale.ROOT));
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : text.length();
            Matcher status = STATUS_FIELD.matcher(text.substring(starts.get(i), end));
            found.add(new DeliveryReport.FailedRecipient(addresses.get(i),
                    status.find() ? Optional.of(status.group(1)) : Optional.empty()));
        }
        return found;
    }

    /**
     * Every address the report names that is not ours, a robot's or the report's own sender or recipient, with
     * the first status of its paragraph, else the first status of the whole text.
     */
    private List<DeliveryReport.FailedRecipient> fromSentences(InboundMail mail) {
        Predicate<String> skip = notARecipient.or(reportParticipants(mail)::contains);
        Map<String, Optional<String>> found = new LinkedHashMap<>();
        for (String header : mail.headers().all("X-Failed-Recipients")) {
            for (String address : header.split("[,\\s]+")) {
                if (!address.isBlank()) {
                    found.putIfAbsent(address.replaceAll("[<>]", "").toLowerCase(Locale.ROOT), Optional.empty());
                }
            }
        }
        String report = withoutReturnedCopy(mail.text());
        Optional<String> anyStatus = firstStatus(report);
        for (String paragraph : report.split("\\n\\s*\\n")) {
            Optional<String> status = firstStatus(paragraph).or(() -> anyStatus);
            addresses(paragraph).stream().filter(skip.negate()).forEach(a -> found.merge(a, status,
                    (old, now) -> old.isPresent() ? old : now));
        }
        found.replaceAll((address, status) -> status.or(() -> anyStatus));
        return found.entrySet().stream()
                .map(e -> new DeliveryReport.FailedRecipient(e.getKey(), e.getValue())).toList();
    }

    private static String withoutReturnedCopy(String text) {
        Matcher m = RETURNED_COPY.matcher(text);
        return m.find() ? text.substring(0, m.start()) : text;
    }

    private static List<String> reportParticipants(InboundMail mail) {
        List<String> participants = new ArrayList<>();
        mail.from().map(MailAddress::address).ifPresent(participants::add);
        mail.to().forEach(a -> participants.add(a.address()));
        return participants;
    }

    private static List<String> addresses(String paragraph) {
        return addresses(paragraph, true);
    }

    private static List<String> addresses(String paragraph, boolean skipHeaderLines) {
        List<String> addresses = new ArrayList<>();
        paragraph.lines().filter(line -> !skipHeaderLines || !HEADER_LINE.matcher(line).matches()).forEach(line -> {
            Matcher m = ADDRESS.matcher(line);
            while (m.find()) {
                addresses.add(m.group().toLowerCase(Locale.ROOT));
            }
        });
        return addresses;
    }

    private static Optional<String> firstStatus(String text) {
        Matcher m = STATUS.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
