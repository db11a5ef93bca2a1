package org.guichet.route;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The ticket tag of a subject, {@code [Helpdesk #42]}: written on every mail sent, read back from replies. */
public final class SubjectTag {
    private static final Pattern REPLY_PREFIXES = Pattern.compile("^\\s*+((re|aw|fwd?|tr|wg|sv|rv)\\s*+:\\s*+)++",
            Pattern.CASE_INSENSITIVE);
    private final String tag;
    private final Pattern pattern;

    public SubjectTag(String tag) {
        this.tag = tag;
        this.pattern = Pattern.compile("\\[\\s*+" + Pattern.quote(tag) + "\\s*+#\\s*+(\\d{1,18})\\s*+]",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The number named anywhere in the subject, after any Re:, Fwd:, TR : prefixes. */
    public Optional<Long> find(String subject) {
        Matcher m = pattern.matcher(subject);
        return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    public String prefix(long number) {
        return "[" + tag + " #" + number + "]";
    }

    /** The subject of a mail about a ticket: the tag, then the ticket's subject. */
    public String subjectFor(long number, String ticketSubject) {
        return prefix(number) + " " + ticketSubject;
    }

    /** A subject with reply prefixes and our tag removed, for a new ticket's subject. */
    public String strip(String subject) {
        String s = pattern.matcher(subject).replaceAll(" ");
        return withoutReplyPrefixes(s).replaceAll("\\s+", " ").strip();
    }

    /** A subject without its leading Re:, AW:, Fwd:, TR : and similar prefixes. */
    public static String withoutReplyPrefixes(String subject) {
        return REPLY_PREFIXES.matcher(subject).replaceFirst("");
    }
}
