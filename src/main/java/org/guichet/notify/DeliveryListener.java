package org.guichet.notify;

import java.time.Duration;
import org.guichet.store.OutboxEntry;

/** Told of every notification the outbox sent or gave up on, for the metrics. */
public interface DeliveryListener {
    DeliveryListener NONE = new DeliveryListener() {
        @Override
        public void sent(OutboxEntry entry, Duration took) {
        }

        @Override
        public void failed(OutboxEntry entry, boolean permanent) {
        }
    };

    void sent(OutboxEntry entry, Duration took);

    /** A failure: {@code permanent} when it will not be tried again, else it waits for its next attempt. */
    void failed(OutboxEntry entry, boolean permanent);
}
