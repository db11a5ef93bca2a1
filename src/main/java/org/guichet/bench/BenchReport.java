package org.guichet.bench;

import java.util.Optional;

/**
 * The figures of one {@code guichet bench} run. The CPU time is the whole process's: with the embedded server it
 * includes GreenMail's own work (serving IMAP, storing mail), which a real server does in its own process.
 */
record BenchReport(String server, boolean cpuIncludesMailServer, BenchCeiling.Result ceiling, BenchDrain.Result drain,
        BenchDrain.Result warm, BenchOutbox.Result outbox, BenchAcks.Result acks, BenchStart.Result start, Optional<BenchHeap.Result> heap) {

    double ceilingPerSecond() {
        return ceiling.mails() * 1000.0 / Math.max(1, ceiling.millis());
    }

    /** Intake's rate as a share of what a plain IMAP client fetches. */
    double ratio() {
        return drain.handledPerSecond() / ceilingPerSecond();
    }
}
