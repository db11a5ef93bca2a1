package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.guichet.intake.MailboxWatcher;

/** The daemon's intake loop in a thread of the test, delivering the outbox after each pass, as the daemon does. */
final class RunningIntake implements AutoCloseable {
    private final MailboxWatcher watcher;
    private final Thread thread;

    RunningIntake(Guichet guichet) {
        var delivery = guichet.delivery();
        this.watcher = new MailboxWatcher(guichet.intake(), delivery::deliverDue);
        this.thread = new Thread(watcher::watch, "test-intake");
        thread.start();
    }

    /** Stops the loop as SIGTERM does, and checks the thread ends within the given time. */
    void stop(Duration within) throws InterruptedException {
        watcher.stop();
        thread.join(within.toMillis());
        assertThat(thread.isAlive()).as("the intake thread ends within %s", within).isFalse();
    }

    @Override
    public void close() throws InterruptedException {
        stop(Duration.ofSeconds(30));
    }
}
