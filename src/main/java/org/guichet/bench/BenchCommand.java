package org.guichet.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code guichet bench}: how fast Guichet takes mail, on this machine, against what IMAP itself allows. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure Guichet on an embedded mail server and a temporary database (nothing is left behind):",
            "(a) how fast a plain IMAP client fetches the mails; (b) Guichet's intake rate, end to end, and its ratio"
                + " to (a); (c) delivery-to-acknowledgement delay with IDLE; (d) peak heap for a 50 MB mail.",
            "The config file is not read."})
public final class BenchCommand implements Callable<Integer> {
    private static final long LARGE_MAIL_BYTES = 50L * 1000 * 1000;

    @Spec
    CommandSpec spec;

    @Option(names = "--mails", paramLabel = "N", defaultValue = "2000", description = "Mails to take in (default: ${DEFAULT-VALUE}).")
    int mails;

    @Option(names = "--acks", paramLabel = "N", defaultValue = "40",
            description = "Mails sent one at a time for the acknowledgement delay (default: ${DEFAULT-VALUE}).")
    int acks;

    @Option(names = "--format", paramLabel = "F", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        boolean json = "json".equals(format);
        PrintWriter progress = json ? new PrintWriter(Writer.nullWriter()) : out;
        BenchReport r = new Bench(progress).run(mails, acks, LARGE_MAIL_BYTES);
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json(r)));
        } else {
            text(out, r);
        }
        out.flush();
        return 0;
    }

    private static void text(PrintWriter out, BenchReport r) {
        out.println();
        out.printf(Locale.ROOT, "(a) ceiling, plain IMAP client:   %6.0f mails/s (%d mails in %d ms)%n",
                r.ceilingPerSecond(), r.ceilingMails(), r.ceilingMillis());
        out.printf(Locale.ROOT, "(b) Guichet intake, end to end:   %6.0f mails/s (%d mails in %d ms), %.0f %% of the ceiling"
                + " [target >= 500 mails/s]%n", r.intakePerSecond(), r.handled(), r.intakeMillis(), 100 * r.ratio());
        out.printf(Locale.ROOT, "(c) delivery to acknowledgement:  median %d ms, 95th percentile %d ms over %d mails"
                + " [target < 1000 and < 2000 ms]%n", r.ackMedian().toMillis(), r.ackP95().toMillis(), r.ackSamples());
        if (r.largeMailRead()) {
            out.printf(Locale.ROOT, "(d) peak heap, %d MB mail:         %d MB (at most; heap capped at %d MB), handled"
                    + " [target < 256 MB]%n", r.largeMailBytes() / 1_000_000, r.peakHeapBytes() >> 20,
                    r.maxHeapBytes() >> 20);
        } else {
            out.printf(Locale.ROOT, "(d) %d MB mail, heap capped at %d MB: %s; no peak heap to report%n",
                    r.largeMailBytes() / 1_000_000, r.maxHeapBytes() >> 20, r.largeOutcome());
        }
    }

    private static Map<String, Object> json(BenchReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mails", r.mails());
        m.put("ceilingMailsPerSecond", Math.round(r.ceilingPerSecond()));
        m.put("intakeMailsPerSecond", Math.round(r.intakePerSecond()));
        m.put("intakeRatioToCeiling", Math.round(r.ratio() * 1000) / 1000.0);
        m.put("intakeHandled", r.handled());
        m.put("ackSamples", r.ackSamples());
        m.put("ackMedianMillis", r.ackMedian().toMillis());
        m.put("ackP95Millis", r.ackP95().toMillis());
        m.put("largeMailBytes", r.largeMailBytes());
        m.put("largeMailOutcome", r.largeOutcome());
        if (r.largeMailRead()) {
            m.put("peakHeapBytes", r.peakHeapBytes());
        }
        m.put("maxHeapBytes", r.maxHeapBytes());
        return m;
    }
}
