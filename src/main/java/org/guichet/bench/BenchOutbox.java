package org.guichet.bench;

import org.guichet.app.Guichet;

/**
 * The outbox's send rate: the notifications the drain queued (acknowledgements, agents' notices), delivered over
 * SMTP by the daemon's own delivery, pass after pass until none is due; those held past a recipient's hourly
 * ceiling wait for their digest and are not counted.
 */
final class BenchOutbox {
    /** @param unsent what is still in the outbox afterwards: held for a digest, or refused by the server */
    record Result(int sent, long millis, int unsent) {
        double perSecond() {
            return sent * 1000.0 / Math.max(1, millis);
        }
    }

    private BenchOutbox() {
    }

    static Result deliver(Guichet guichet) {
        long start = System.nanoTime();
        int sent = 0;
        for (int pass = guichet.delivery().deliverDue(); pass > 0; pass = guichet.delivery().deliverDue()) {
            sent += pass;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Result(sent, millis, guichet.outbox().unsent().size());
    }
}
