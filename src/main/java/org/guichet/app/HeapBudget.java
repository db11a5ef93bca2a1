package org.guichet.app;

import org.guichet.config.Limits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the mails Guichet reads within what its heap can hold. The parser reads a whole mail in memory and
 * its text a few times over (measured: a 50 MB mail needs about 400 MB), so a mail larger than a tenth of the
 * heap is quarantined rather than read: no mail can exhaust the heap, whatever {@code limits} says.
 */
final class HeapBudget {
    private static final Logger log = LoggerFactory.getLogger(HeapBudget.class);
    static final int HEAP_PER_MAIL_BYTE = 10;

    private HeapBudget() {
    }

    /** The limits with {@code max-message-bytes} lowered to what a heap of {@code maxHeap} bytes allows. */
    static Limits fit(Limits configured, long maxHeap) {
        long affordable = maxHeap / HEAP_PER_MAIL_BYTE;
        if (configured.maxMessageBytes() <= affordable) {
            return configured;
        }
        log.warn("limits.max-message-bytes is {} bytes, but a heap of {} MiB reads mails of at most {} bytes safely;"
                + " larger mails will be quarantined. Give the JVM more memory (-Xmx) to accept them.",
                configured.maxMessageBytes(), maxHeap >> 20, affordable);
        return new Limits(affordable, Math.min(configured.maxAttachmentBytes(), affordable),
                configured.notificationsPerTicketPer10Minutes(), configured.newTicketsPerSenderPerHour(),
                configured.notificationsPerRecipientPerHour(), configured.maxForwardBytes());
    }
}
