package org.guichet.route;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.guichet.parse.InboundMail;
import org.guichet.parse.MailHeaders;

/**
 * Chooses a new ticket's priority by the first of SPEC section 5's sources: a subject marker, a line near the top
 * of the body, then the X-Priority, Importance and Priority headers that mail clients set; normal otherwise.
 */
final class PriorityRules {
    // Matched on the NFC text rather than folded text, so that reasons quote what the person wrote.
    private static final int ANY_CASE = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    // Linear in their input (mail text is hostile): possessive runs that never give back, the value's surrounding
    // blanks stripped in Java rather than by a lazy group racing a blank run, and only short lines tried at all.
    private static final Pattern SUBJECT_MARKER = Pattern.compile("\\[\\s*+priorit[eéy]\\s*+:([^\\[\\]]*+)]",
            ANY_CASE);
    private static final Pattern BODY_LINE = Pattern.compile("^\\s*+priorit[eéy]\\s*+:(.*+)$", ANY_CASE);
    /** Longer subjects are searched in their first this-many characters only, longer body lines not at all. */
    static final int MAX_MATCHED_CHARS = 1000;
    // A person writes the priority near the top or not at all; deeper, "Priority:" is more likely quoted text.
    private static final int BODY_LINES = 5;
    private static final Pattern X_PRIORITY = Pattern.compile("^\\s*+([1-5])\\b");
    private static final Map<String, Priority> IMPORTANCE = Map.of(
            "high", Priority.HIGH, "normal", Priority.NORMAL, "low", Priority.LOW);
    private static final Map<String, Priority> PRIORITY_HEADER = Map.of(
            "urgent", Priority.HIGH, "normal", Priority.NORMAL, "non-urgent", Priority.LOW);

    /**
     * The priority of a new ticket opened by this mail. A marker naming no known level is skipped, and said so in
     * {@code notes}, so that the person who wrote "[priority: asap]" can learn why it did not count.
     */
    PriorityChoice choose(InboundMail mail, List<String> notes) {
        return subjectMarker(mail.subject(), notes)
                .or(() -> bodyLine(mail, notes))
                .or(() -> xPriority(mail.headers()))
                .or(() -> named(mail.headers(), "Importance", IMPORTANCE))
                .or(() -> named(mail.headers(), "Priority", PRIORITY_HEADER))
                .orElseGet(() -> new PriorityChoice(Priority.NORMAL, "priority normal: default"));
    }

    private static Optional<PriorityChoice> subjectMarker(String subject, List<String> notes) {
        String head = subject.length() > MAX_MATCHED_CHARS ? subject.substring(0, MAX_MATCHED_CHARS) : subject;
        Matcher m = SUBJECT_MARKER.matcher(Normalizer.normalize(head, Normalizer.Form.NFC));
        while (m.find()) {
            Optional<Priority> level = Priority.parse(m.group(1).strip());
            if (level.isPresent()) {
                return level.map(p -> choice(p, "subject marker " + m.group()));
            }
            notes.add("subject marker " + m.group() + " names no priority level; it was ignored");
        }
        return Optional.empty();
    }

    private static Optional<PriorityChoice> bodyLine(InboundMail mail, List<String> notes) {
        String body = mail.newText().isBlank() ? mail.text() : mail.newText();
        List<String> lines = body.lines().filter(line -> !line.isBlank()).limit(BODY_LINES)
                .filter(line -> line.length() <= MAX_MATCHED_CHARS).toList();
        for (String line : lines) {
            Matcher m = BODY_LINE.matcher(Normalizer.normalize(line, Normalizer.Form.NFC));
            if (m.matches()) {
                Optional<Priority> level = Priority.parse(m.group(1).strip());
                if (level.isPresent()) {
                    return level.map(p -> choice(p, "line \"" + line.strip() + "\" in body"));
                }
                notes.add("body line \"" + line.strip() + "\" names no priority level; it was ignored");
            }
        }
        return Optional.empty();
    }

    /** "1 (Highest)" to "5 (Lowest)", as Outlook and Thunderbird write it; only the digit counts. */
    private static Optional<PriorityChoice> xPriority(MailHeaders headers) {
        return headers.first("X-Priority").map(String::strip).flatMap(value -> {
            Matcher m = X_PRIORITY.matcher(value);
            if (!m.find()) {
                return Optional.empty();
            }
            Priority level = List.of(Priority.VERY_HIGH, Priority.HIGH, Priority.NORMAL, Priority.LOW,
                    Priority.VERY_LOW).get(Integer.parseInt(m.group(1)) - 1);
            return Optional.of(choice(level, "X-Priority: " + value));
        });
    }

    private static Optional<PriorityChoice> named(MailHeaders headers, String name, Map<String, Priority> levels) {
        return headers.first(name).map(String::strip).flatMap(value -> Optional
                .ofNullable(levels.get(value.toLowerCase(Locale.ROOT)))
                .map(level -> choice(level, name + ": " + value)));
    }

    private static PriorityChoice choice(Priority priority, String source) {
        return new PriorityChoice(priority, "priority " + priority.code() + ": " + source);
    }
}
