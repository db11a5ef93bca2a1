package org.guichet.intake;

import java.util.OptionalLong;

/** What intake remembers of a folder between runs: the UIDVALIDITY it last saw there. */
public interface MailboxMemory {
    OptionalLong lastUidValidity(String folder);

    void rememberUidValidity(String folder, long uidValidity);

    /** The memory of one mailbox's folders: two mailboxes may both have an INBOX, with their own UIDVALIDITY. */
    default MailboxMemory of(String mailbox) {
        MailboxMemory all = this;
        return new MailboxMemory() {
            @Override
            public OptionalLong lastUidValidity(String folder) {
                return all.lastUidValidity(mailbox + "/" + folder);
            }

            @Override
            public void rememberUidValidity(String folder, long uidValidity) {
                all.rememberUidValidity(mailbox + "/" + folder, uidValidity);
            }
        };
    }
}
