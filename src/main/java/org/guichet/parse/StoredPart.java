package org.guichet.parse;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What an {@link AttachmentSink} reports after storing one attachment's decoded bytes.
 *
 * @param sha256 lower-case hex SHA-256 of the bytes
 * @param size number of bytes
 */
public record StoredPart(String sha256, long size) {

    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

    public StoredPart {
        Objects.requireNonNull(sha256, "sha256");
        if (!HEX_SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, got: " + sha256);
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative, got: " + size);
        }
    }
}
