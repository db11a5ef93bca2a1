package org.guichet.config;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The rules that tie the mailboxes together: unique names and addresses, default categories that exist. */
final class Mailboxes {

    private Mailboxes() {
    }

    /** Guards records built in code; the loader has already refused a bad file with the key and line. */
    static void requireConsistent(List<MailboxSettings> mailboxes, List<Category> categories) {
        Set<String> names = new HashSet<>();
        Set<String> addresses = new HashSet<>();
        for (MailboxSettings m : mailboxes) {
            if (!names.add(m.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("two mailboxes are named " + m.name());
            }
            if (!addresses.add(m.address())) {
                throw new IllegalArgumentException("two mailboxes have the address " + m.address());
            }
            m.defaultCategory().filter(c -> categories.stream().noneMatch(k -> k.name().equalsIgnoreCase(c)))
                    .ifPresent(c -> {
                        throw new IllegalArgumentException("mailbox " + m.name() + " names default category " + c
                                + ", which is not a top-level category");
                    });
        }
    }
}
