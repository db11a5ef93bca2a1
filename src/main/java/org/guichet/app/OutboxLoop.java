package org.guichet.app;

import java.time.Duration;
import org.guichet.notify.OutboxDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The daemon's sender: delivers the outbox at once when woken after intake, and every few seconds anyway. */
public final class OutboxLoop implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(OutboxLoop.class);
    private static final Duration TICK = Duration.ofSeconds(2);
    private final OutboxDelivery delivery;
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean running = true;

    public OutboxLoop(OutboxDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void run() {
        while (running) {
            try {
                delivery.deliverDue();
            } catch (RuntimeException e) {
                // the database or the server failed: everything stays queued, and the next tick tries again
                log.warn("outbox delivery failed: {}", e.getMessage());
            } catch (Error e) {
                // the same for an Error outside any one notification: logged, and the sender carries on
                log.error("outbox delivery failed: {}", e.toString());
            }
            awaitSignal();
        }
    }

    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    public void stop() {
        running = false;
        wake();
    }

    private void awaitSignal() {
        synchronized (signal) {
            try {
                if (!woken && running) {
                    signal.wait(TICK.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
            woken = false;
        }
    }
}
