package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** Runs {@code guichet bench} with tiny numbers and checks that its JSON report adds up; never its speed. */
final class BenchReportCheck {
    static final int MAILS = 20;
    static final int ACKS = 3;

    private BenchReportCheck() {
    }

    static JsonNode run(String... serverOptions) throws Exception {
        List<String> args = new ArrayList<>(List.of("bench", "--mails", String.valueOf(MAILS), "--acks",
                String.valueOf(ACKS), "--starts", "1", "--large-mail-mb", "0", "--format", "json"));
        args.addAll(List.of(serverOptions));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true),
                Guichet::open);
        assertThat(status).as("exit status; stderr: %s", err).isZero();
        return new ObjectMapper().readTree(out.toString());
    }

    /** Every waiting mail is accounted for, every rate was measured, every delay is a delay. */
    static void consistent(JsonNode r) {
        assertThat(r.get("mails").asInt()).isEqualTo(MAILS);
        assertThat(r.get("intakeHandled").asInt() + r.get("intakeQuarantined").asInt() + r.get("intakeLeft").asInt())
                .isEqualTo(MAILS);
        // the bench's mails are all well formed: each one becomes a ticket or a reply
        assertThat(r.get("intakeHandled").asInt()).isEqualTo(MAILS);
        assertThat(r.get("intakeQuarantined").asInt()).isZero();
        assertThat(r.get("intakeMailsPerSecond").asLong()).isPositive();
        assertThat(r.get("ceilingMailsPerSecond").asLong()).isPositive();
        assertThat(r.get("intakeRatioToCeiling").asDouble()).isPositive();
        assertThat(r.get("cpuMillisPerMail").asDouble()).isPositive();
        // the second drain, on the warm JVM, takes as many new mails, all of them
        assertThat(r.get("warmIntakeHandled").asInt()).isEqualTo(MAILS);
        assertThat(r.get("warmIntakeQuarantined").asInt()).isZero();
        assertThat(r.get("warmIntakeLeft").asInt()).isZero();
        assertThat(r.get("warmIntakeMailsPerSecond").asLong()).isPositive();
        assertThat(r.get("warmCpuMillisPerMail").asDouble()).isPositive();
        // at least one acknowledgement per new request (three mails in four), all sent
        assertThat(r.get("outboxSent").asInt()).isGreaterThanOrEqualTo(MAILS * 3 / 4);
        assertThat(r.get("outboxMailsPerSecond").asLong()).isPositive();
        assertThat(r.get("ackSamples").asInt()).isEqualTo(ACKS);
        assertThat(r.get("ackMedianMillis").asLong()).isPositive()
                .isLessThanOrEqualTo(r.get("ackP95Millis").asLong());
        assertThat(r.get("startToHandledMillis")).hasSize(1);
        long handled = r.get("startToHandledMillis").get(0).asLong();
        assertThat(handled).isPositive().isLessThanOrEqualTo(r.get("startToAcknowledgedMillis").get(0).asLong());
        assertThat(r.has("peakHeapBytes")).as("the large mail was left out").isFalse();
    }
}
