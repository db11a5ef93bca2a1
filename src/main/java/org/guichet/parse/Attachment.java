package org.guichet.parse;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One file carried by a mail: a named part, an inline image referenced by {@code cid:}, or a forwarded mail.
 *
 * @param name sanitised file name: no path separator, control or bidi-override character, no leading dot
 * @param contentType lower-case {@code type/subtype} without parameters
 * @param size number of decoded bytes
 * @param sha256 lower-case hex SHA-256 of the decoded bytes
 * @param inline whether the part is shown inside the body rather than offered as a file
 * @param contentId the Content-ID without angle brackets, when the part has one
 */
public record Attachment(String name, String contentType, long size, String sha256, boolean inline,
        Optional<String> contentId) {

    private static final Pattern CONTENT_TYPE = Pattern.compile("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+");

    public Attachment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(contentId, "contentId");
        if (!FileNames.isSafe(name)) {
            throw new IllegalArgumentException("Attachment name is not sanitised: " + name);
        }
        if (!CONTENT_TYPE.matcher(contentType).matches()) {
            throw new IllegalArgumentException("Content type must be lower-case type/subtype, got: " + contentType);
        }
        new StoredPart(sha256, size); // validates the digest and the size
    }

    /** A file someone attaches by hand (an administrator's reply): its name made safe as a mail's would be. */
    public static Attachment file(String rawName, String contentType, StoredPart stored) {
        return of(FileNames.sanitise(rawName, contentType, 1), contentType, stored, false, Optional.empty());
    }

    /** Builds an attachment from what the sink stored. */
    static Attachment of(String name, String contentType, StoredPart stored, boolean inline,
            Optional<String> contentId) {
        return new Attachment(name, contentType, stored.size(), stored.sha256(), inline, contentId);
    }
}
