package org.guichet.parse;

import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.ParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the parser needs to know about one MIME part before reading its content: its type, charset, disposition,
 * file name and Content-ID, each read leniently.
 *
 * @param where the part named for problems, such as "part 1.2 (image/png)"
 * @param mimeType lower-case type/subtype without parameters
 */
record PartInfo(String where, String mimeType, Optional<String> charset, Optional<String> disposition,
        Optional<String> fileName, Optional<String> contentId) {

    private static final Pattern TYPE = Pattern.compile("^\\s*+([A-Za-z0-9!#$&^_.+-]++)\\s*+/\\s*+([A-Za-z0-9!#$&^_.+-]++)");
    private static final Pattern CHARSET = Pattern.compile("charset\\s*+=\\s*+\"?([^\"\\s;]++)", Pattern.CASE_INSENSITIVE);

    /**
     * Reads the description of {@code part}; {@code path} is "" for the mail itself, else like "1.2". A part without
     * a Content-Type field has {@code defaultType}: message/rfc822 in a multipart/digest, text/plain elsewhere.
     */
    static PartInfo read(Part part, String path, String defaultType, Problems problems) {
        String label = path.isEmpty() ? "the mail body" : "part " + path;
        boolean typed = !MimeAccess.header(part, "Content-Type", problems).isEmpty();
        String rawType = typed ? MimeAccess.contentType(part, label, problems).orElse(defaultType) : defaultType;
        String mimeType = mimeType(rawType, label, problems);
        String where = label + " (" + mimeType + ")";
        return new PartInfo(where, mimeType, charset(rawType),
                MimeAccess.disposition(part, where, problems).map(d -> d.trim().toLowerCase(Locale.ROOT)),
                fileName(part, where, problems),
                MimeAccess.contentId(part, problems).map(PartInfo::stripBrackets).filter(id -> !id.isEmpty()));
    }

    boolean isMultipart() {
        return mimeType.startsWith("multipart/");
    }

    boolean isForwardedMail() {
        return mimeType.equals("message/rfc822");
    }

    boolean isBodyType() {
        return mimeType.equals("text/plain") || mimeType.equals("text/html");
    }

    /** A part with a file name, marked as attachment, an image with a Content-ID, or a forwarded mail. */
    boolean isAttachment() {
        return fileName.isPresent() || disposition.filter("attachment"::equals).isPresent()
                || (contentId.isPresent() && mimeType.startsWith("image/")) || isForwardedMail();
    }

    /** Shown inside the body (referenced by {@code cid:}) rather than offered as a file. */
    boolean isInline() {
        return contentId.isPresent() && mimeType.startsWith("image/") && disposition.filter("attachment"::equals).isEmpty();
    }

    private static String mimeType(String rawType, String label, Problems problems) {
        try {
            return new ContentType(rawType).getBaseType().toLowerCase(Locale.ROOT);
        } catch (ParseException | RuntimeException e) {
            Matcher type = TYPE.matcher(rawType);
            if (type.find()) {
                return (type.group(1) + "/" + type.group(2)).toLowerCase(Locale.ROOT);
            }
            String fallback = rawType.trim().toLowerCase(Locale.ROOT).startsWith("text") ? "text/plain"
                    : "application/octet-stream";
            problems.add(TextDecoder.capitalise(label) + " has the unreadable Content-Type \""
                    + Texts.shorten(rawType) + "\"; read as " + fallback + ".");
            return fallback;
        }
    }

    private static Optional<String> charset(String rawType) {
        try {
            return Optional.ofNullable(new ContentType(rawType).getParameter("charset"));
        } catch (ParseException | RuntimeException e) {
            Matcher charset = CHARSET.matcher(rawType);
            return charset.find() ? Optional.of(charset.group(1)) : Optional.empty();
        }
    }

    /**
     * Jakarta Mail has already undone RFC 2231 and RFC 2047 encoding; raw 8-bit bytes are only repaired when the
     * fields held some, so that decoded text is not mistaken for them.
     */
    private static Optional<String> fileName(Part part, String where, Problems problems) {
        boolean eightBit = Stream.of("Content-Disposition", "Content-Type")
                .flatMap(field -> MimeAccess.header(part, field, problems).stream())
                .anyMatch(value -> value.chars().anyMatch(c -> c >= 0x80));
        return MimeAccess.fileName(part, where, problems)
                .map(name -> eightBit ? HeaderText.repairEightBit("the file name of " + where, name, problems) : name)
                .map(name -> HeaderText.decodeWords(HeaderText.unfold(name), problems).strip())
                .filter(name -> !name.isEmpty());
    }

    static String stripBrackets(String id) {
        String trimmed = id.trim();
        if (trimmed.startsWith("<")) {
            trimmed = trimmed.substring(1);
        }
        if (trimmed.endsWith(">")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.trim();
    }
}
