package org.guichet.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code guichet bench}: how fast Guichet takes mail and answers, on this machine, against what IMAP allows. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure Guichet on a throwaway helpdesk (temporary database and folders, removed afterwards),"
                + " on the embedded mail server, or on a real one with --imap and --smtp (or --config):",
            "(a) a plain IMAP client fetching the waiting mails; (b) intake's drain of them, its ratio to (a) and CPU"
                + " per mail, then (b') the same for as many more once the JVM is warm; (c) the outbox's send rate; (d) delivery-to-acknowledgement with IDLE; (e) start time"
                + " of a fresh daemon to the first mail handled; (f) peak heap for a large mail.",
            "On a real server the mails stay there (in Processed), and acknowledgements go to @example.org"
                + " requesters, whose IMAP password must be their local part: use a test server"
                + " (src/test/mail-servers/mail-servers.sh bench-start)."})
public final class BenchCommand implements Callable<Integer> {
    private static final long MB = 1000L * 1000;

    @Spec
    CommandSpec spec;

    @Option(names = "--mails", paramLabel = "N", defaultValue = "5000", description = "Mails waiting for the drain (default: ${DEFAULT-VALUE}).")
    int mails;

    @Option(names = "--acks", paramLabel = "N", defaultValue = "40",
            description = "Mails sent one at a time for the acknowledgement delay (default: ${DEFAULT-VALUE}).")
    int acks;

    @Option(names = "--starts", paramLabel = "N", defaultValue = "3",
            description = "Fresh daemons started for the start time, the median reported (default: ${DEFAULT-VALUE}).")
    int starts;

    @Option(names = "--large-mail-mb", paramLabel = "MB", defaultValue = "50",
            description = "Size of the mail for the peak heap; 0 leaves it out (default: ${DEFAULT-VALUE}).")
    long largeMailMb;

    @Option(names = "--imap", paramLabel = "HOST:PORT", description = "A real IMAP server (plain, no TLS) instead of the embedded one.")
    Optional<String> imap;

    @Option(names = "--smtp", paramLabel = "HOST:PORT", description = "A real SMTP server (plain, no login), with --imap.")
    Optional<String> smtp;

    @Option(names = "--user", paramLabel = "ADDRESS", defaultValue = Bench.SUPPORT,
            description = "The support mailbox's IMAP login, with --imap (default: ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--password", paramLabel = "P", defaultValue = "support",
            description = "Its password, with --imap (default: ${DEFAULT-VALUE}).")
    String password;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Take the servers (imap and smtp sections only) from this config; its database is not used.")
    Optional<Path> config;

    @Option(names = "--format", paramLabel = "F", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        boolean json = "json".equals(format);
        PrintWriter progress = json ? new PrintWriter(Writer.nullWriter()) : out;
        Bench.Plan plan = new Bench.Plan(positive(mails, "--mails"), acks, starts, largeMailMb * MB);
        BenchReport r = new Bench(progress).run(server(), plan);
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json(r)));
        } else {
            BenchText.print(out, r);
        }
        out.flush();
        return 0;
    }

    private BenchServer server() throws Exception {
        if (config.isPresent()) {
            return new RealServer(BenchConfig.serversOf(config.get()));
        }
        if (imap.isEmpty() != smtp.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--imap and --smtp go together");
        }
        if (imap.isEmpty()) {
            return new EmbeddedServer();
        }
        try {
            return new RealServer(new Endpoints(Endpoints.host(imap.get()), Endpoints.port(imap.get()), false,
                    Endpoints.host(smtp.get()), Endpoints.port(smtp.get()), false, user, password, "", ""));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private int positive(int value, String option) {
        if (value < 1) {
            throw new ParameterException(spec.commandLine(), option + " must be at least 1");
        }
        return value;
    }

    static Map<String, Object> json(BenchReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("server", r.server());
        m.put("mails", r.drain().mails());
        m.put("ceilingMailsPerSecond", Math.round(r.ceilingPerSecond()));
        m.put("intakeHandled", r.drain().handled());
        m.put("intakeQuarantined", r.drain().quarantined());
        m.put("intakeLeft", r.drain().left());
        m.put("intakeMillis", r.drain().millis());
        m.put("intakeMailsPerSecond", Math.round(r.drain().handledPerSecond()));
        m.put("intakeRatioToCeiling", Math.round(r.ratio() * 1000) / 1000.0);
        m.put("cpuMillisPerMail", Math.round(r.drain().cpuMillisPerMail() * 100) / 100.0);
        m.put("cpuIncludesMailServer", r.cpuIncludesMailServer());
        m.put("warmIntakeHandled", r.warm().handled());
        m.put("warmIntakeQuarantined", r.warm().quarantined());
        m.put("warmIntakeLeft", r.warm().left());
        m.put("warmIntakeMillis", r.warm().millis());
        m.put("warmIntakeMailsPerSecond", Math.round(r.warm().handledPerSecond()));
        m.put("warmCpuMillisPerMail", Math.round(r.warm().cpuMillisPerMail() * 100) / 100.0);
        m.put("outboxSent", r.outbox().sent());
        m.put("outboxUnsent", r.outbox().unsent());
        m.put("outboxMillis", r.outbox().millis());
        m.put("outboxMailsPerSecond", Math.round(r.outbox().perSecond()));
        m.put("ackSamples", r.acks().samples());
        m.put("ackMedianMillis", r.acks().median().toMillis());
        m.put("ackP95Millis", r.acks().p95().toMillis());
        m.put("startToHandledMillis", r.start().toHandledMillis());
        m.put("startToAcknowledgedMillis", r.start().toAcknowledgedMillis());
        m.put("startMedianToHandledMillis", r.start().medianHandled());
        m.put("startMedianToAcknowledgedMillis", r.start().medianAcknowledged());
        r.heap().ifPresent(h -> {
            m.put("largeMailBytes", h.mailBytes());
            m.put("largeMailOutcome", h.outcome());
            if (h.outcome().equals("handled")) {
                m.put("peakHeapBytes", h.peakHeapBytes());
            }
            m.put("maxHeapBytes", h.maxHeapBytes());
        });
        return m;
    }
}
