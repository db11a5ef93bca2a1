package org.guichet.intake;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices a change of a folder's UIDVALIDITY (the server renumbered its mails) and says so once. Nothing else
 * needs doing: mails are known by Message-ID or hash, never by UID, so the renumbered mails are not handled twice.
 */
final class UidValidityWatch {
    private static final Logger log = LoggerFactory.getLogger(UidValidityWatch.class);
    private final MailboxMemory memory;
    private final Map<String, Long> seen = new HashMap<>();

    UidValidityWatch(MailboxMemory memory) {
        this.memory = memory;
    }

    /** Returns true when the value differs from the one seen before, in this run or the last. */
    synchronized boolean changed(String folder, long uidValidity) {
        Long before = seen.containsKey(folder) ? seen.get(folder) : remembered(folder);
        seen.put(folder, uidValidity);
        if (before != null && before == uidValidity) {
            return false;
        }
        remember(folder, uidValidity);
        if (before == null) {
            return false;
        }
        log.warn("UIDVALIDITY of {} changed from {} to {}: the server renumbered its mails. Each mail is known by its"
                + " Message-ID (or hash), so none already handled will be handled again.", folder, before, uidValidity);
        return true;
    }

    private void remember(String folder, long uidValidity) {
        try {
            memory.rememberUidValidity(folder, uidValidity);
        } catch (RuntimeException e) {
            seen.remove(folder); // not stored: try again on the next pass
        }
    }

    private Long remembered(String folder) {
        try {
            OptionalLong last = memory.lastUidValidity(folder);
            return last.isPresent() ? last.getAsLong() : null;
        } catch (RuntimeException e) {
            // the database may be down: the check only serves the log, intake goes on
            return null;
        }
    }
}
