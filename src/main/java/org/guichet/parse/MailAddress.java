package org.guichet.parse;

import java.util.Locale;
import java.util.Objects;

/**
 * One mailbox read from an address header: the address, lower-cased and trimmed, and the decoded display name.
 *
 * @param address the address, lower-cased and trimmed; never blank
 * @param name the decoded display name, "" when none
 */
public record MailAddress(String address, String name) {

    public MailAddress {
        address = Objects.requireNonNull(address, "address").trim().toLowerCase(Locale.ROOT);
        name = Objects.requireNonNull(name, "name").trim();
        if (address.isEmpty()) {
            throw new IllegalArgumentException("A mail address cannot be blank.");
        }
    }

    /** An address without a display name. */
    public static MailAddress of(String address) {
        return new MailAddress(address, "");
    }
}
