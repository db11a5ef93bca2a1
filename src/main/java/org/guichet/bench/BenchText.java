package org.guichet.bench;

import java.io.PrintWriter;
import java.util.Locale;

/** The report of {@code guichet bench} as text, one line a figure, each with the target. */
final class BenchText {
    private BenchText() {
    }

    static void print(PrintWriter out, BenchReport r) {
        BenchDrain.Result d = r.drain();
        out.println();
        out.printf(Locale.ROOT, "server: %s%n", r.server());
        out.printf(Locale.ROOT, "(a) ceiling, plain IMAP client:   %6.0f mails/s (%d mails in %d ms)%n",
                r.ceilingPerSecond(), r.ceiling().mails(), r.ceiling().millis());
        out.printf(Locale.ROOT, "(b) intake drain, end to end:     %6.0f mails/s handled (%d handled, %d quarantined, %d"
                + " left, of %d, in %d ms), %.1f %% of the ceiling [target >= 1000 mails/s on Dovecot, >= 500 on"
                + " GreenMail]%n", d.handledPerSecond(), d.handled(), d.quarantined(), d.left(), d.mails(), d.millis(),
                100 * r.ratio());
        out.printf(Locale.ROOT, "    CPU per mail:                 %6.2f ms (%.1f s of process CPU%s) [target <= 2 ms]%n",
                d.cpuMillisPerMail(), d.cpuNanos() / 1e9,
                r.cpuIncludesMailServer() ? ", including the embedded GreenMail's" : "");
        BenchDrain.Result w = r.warm();
        out.printf(Locale.ROOT, "(b') the same, warm JVM:          %6.0f mails/s handled (%d handled, %d quarantined, %d"
                + " left, of %d more, in %d ms), once the JIT has compiled intake's code%n", w.handledPerSecond(),
                w.handled(), w.quarantined(), w.left(), w.mails(), w.millis());
        out.printf(Locale.ROOT, "    CPU per mail, warm:           %6.2f ms (%.1f s of process CPU)%n",
                w.cpuMillisPerMail(), w.cpuNanos() / 1e9);
        out.printf(Locale.ROOT, "(c) outbox send rate:             %6.0f mails/s (%d sent in %d ms, %d left unsent)%n",
                r.outbox().perSecond(), r.outbox().sent(), r.outbox().millis(), r.outbox().unsent());
        out.printf(Locale.ROOT, "(d) delivery to acknowledgement:  median %d ms, 95th percentile %d ms over %d mails"
                + " [target < 500 and < 1000 ms]%n", r.acks().median().toMillis(), r.acks().p95().toMillis(),
                r.acks().samples());
        out.printf(Locale.ROOT, "(e) start to first mail handled:  median %d ms, acknowledged %d ms (%s and %s ms),"
                + " JVM start included [target < 2000 ms]%n", r.start().medianHandled(), r.start().medianAcknowledged(),
                r.start().toHandledMillis(), r.start().toAcknowledgedMillis());
        r.heap().ifPresent(h -> {
            if (h.outcome().equals("handled")) {
                out.printf(Locale.ROOT, "(f) peak heap, %d MB mail:         %d MB (at most; heap capped at %d MB),"
                        + " handled [target < 256 MB]%n", h.mailBytes() / 1_000_000, h.peakHeapBytes() >> 20,
                        h.maxHeapBytes() >> 20);
            } else {
                out.printf(Locale.ROOT, "(f) %d MB mail, heap capped at %d MB: %s; no peak heap to report%n",
                        h.mailBytes() / 1_000_000, h.maxHeapBytes() >> 20, h.outcome());
            }
        });
    }
}
