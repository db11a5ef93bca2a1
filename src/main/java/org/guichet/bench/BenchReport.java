package org.guichet.bench;

import java.time.Duration;

/** The figures of one {@code guichet bench} run. */
record BenchReport(int mails, int ceilingMails, long ceilingMillis, int handled, long intakeMillis, int ackSamples,
        Duration ackMedian, Duration ackP95, long largeMailBytes, int largeHandled, long peakHeapBytes,
        long maxHeapBytes, String largeOutcome) {

    /** Whether the large mail was read and handled: only then does its peak heap say anything. */
    boolean largeMailRead() {
        return largeOutcome.equals("handled");
    }

    double ceilingPerSecond() {
        return ceilingMails * 1000.0 / Math.max(1, ceilingMillis);
    }

    double intakePerSecond() {
        return handled * 1000.0 / Math.max(1, intakeMillis);
    }

    double ratio() {
        return intakePerSecond() / ceilingPerSecond();
    }
}
