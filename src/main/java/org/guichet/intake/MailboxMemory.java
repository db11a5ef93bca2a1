package org.guichet.intake;

import java.util.OptionalLong;

/** What intake remembers of a folder between runs: the UIDVALIDITY it last saw there. */
public interface MailboxMemory {
    OptionalLong lastUidValidity(String folder);

    void rememberUidValidity(String folder, long uidValidity);
}
