package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged daemon started with {@code http.port} and {@code logging.format: json}, as a monitoring system and
 * a log shipper see it: /health and /metrics over HTTP on the loopback, one JSON log line per mail handled and
 * per notification sent, and neither a mail's body nor a password in the log.
 */
class HealthAndMetricsIT {
    private static final String BODY = "The projector in room B12 shows BODY-MARKER-7731 only.";
    private static final String IMAP_PASSWORD = "imap-password-never-logged-42";

    @TempDir
    Path dir;

    GreenMail mail;
    int smtpPort;
    int imapPort;
    int httpPort;
    Path config;
    DaemonProcess daemon;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(int status, String body) {
    }

    @BeforeEach
    void start() throws Exception {
        smtpPort = TestHelpdesk.freePort();
        imapPort = TestHelpdesk.freePort();
        httpPort = TestHelpdesk.freePort();
        mail = TestHelpdesk.startGreenMail(smtpPort, imapPort);
        config = dir.resolve("guichet.yml");
        Files.writeString(config, TestHelpdesk.yaml(false, smtpPort, imapPort, dir)
                .replace("password: any", "password: " + IMAP_PASSWORD)
                + "http:\n  port: " + httpPort + "\nlogging:\n  format: json\n");
        daemon = DaemonProcess.start(config, dir.resolve("daemon.log"), "256m");
    }

    @AfterEach
    void stop() throws Exception {
        if (daemon.isAlive()) {
            daemon.stop();
        }
        daemon.keepLog("HealthAndMetricsIT.log");
        mail.stop();
    }

    Answer get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort
                    + path)).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (java.io.IOException e) {
            return new Answer(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void healthAndMetricsTellWhatTheDaemonDid() throws Exception {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/health").status() == 200 || !daemon.isAlive());
        TestHelpdesk.sendVia(smtpPort, OperationsIT.mail("Jane <jane@example.org>", "Projector", "p-1@example.org", "",
                BODY));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/metrics").body().contains("guichet_notifications_sent_total 2.0"));

        Answer health = get("/health");
        Answer metrics = get("/metrics");

        assertThat(health.status()).as(health.body()).isEqualTo(200);
        JsonNode h = new ObjectMapper().readTree(health.body());
        assertThat(h.get("status").asText()).isEqualTo("up");
        for (String check : List.of("database", "imap", "smtp")) {
            assertThat(h.get("checks").get(check).get("ok").asBoolean()).as(check).isTrue();
        }
        assertThat(h.get("lastMailHandled").isTextual()).isTrue();
        assertThat(h.get("outbox").get("waiting").asLong()).isZero();
        assertThat(h.get("outbox").get("sent").asLong()).as("acknowledgement and the agent's copy").isEqualTo(2);
        assertThat(h.get("tickets").get("new").asLong()).isEqualTo(1);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("# TYPE guichet_mails_handled_total counter", "guichet_mails_handled_total 1.0",
                "guichet_mails_quarantined_total 0.0", "guichet_notifications_sent_total 2.0",
                "guichet_notifications_failed_total{permanent=\"true\"} 0.0", "guichet_tickets{status=\"new\"} 1.0",
                "guichet_tickets{status=\"closed\"} 0.0", "guichet_outbox_waiting 0.0", "guichet_intake_lag_seconds_count 1",
                "guichet_mail_handling_seconds_count 1", "guichet_outbox_oldest_age_seconds 0.0")
                .containsPattern("guichet_last_mail_handled_timestamp_seconds 1\\.[0-9]+E9");
        assertThat(get("/nothing-else").status()).isEqualTo(404);

        String log = daemon.output();
        JsonNode handled = jsonLine(log, "mail UID 1 handled, ticket #1");
        assertThat(handled.get("level").asText()).isEqualTo("INFO");
        assertThat(handled.toString()).contains("\"uid\"", "\"durationMs\"", "\"ticket\"");
        JsonNode sent = jsonLine(log, "for ticket #1 to jane@example.org");
        assertThat(sent.toString()).contains("\"durationMs\"", "\"notification\"");
        assertThat(log).doesNotContain("BODY-MARKER-7731", IMAP_PASSWORD, "test-secret-0123456789");

        // the mail server goes away: /health says so within its 30 s memory of the last login, with 503
        mail.stop();
        Run status = status();
        assertThat(status.status()).isEqualTo(1);
        assertThat(status.out()).contains("Guichet is DOWN").containsPattern("imap +FAILED");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> get("/health").status() == 503);
        JsonNode down = new ObjectMapper().readTree(get("/health").body());
        assertThat(down.get("status").asText()).isEqualTo("down");
        assertThat(down.get("checks").get("imap").get("ok").asBoolean()).isFalse();
        assertThat(down.get("checks").get("database").get("ok").asBoolean()).isTrue();
    }

    record Run(int status, String out) {
    }

    Run status() {
        StringWriter out = new StringWriter();
        int code = Main.execute(new String[] {"--config", config.toString(), "status"}, new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true), Guichet::open);
        return new Run(code, out.toString());
    }

    /** The JSON log line whose message contains this text. */
    static JsonNode jsonLine(String log, String text) throws Exception {
        for (String line : log.split("\n")) {
            if (line.startsWith("{") && line.contains(text)) {
                return new ObjectMapper().readTree(line);
            }
        }
        throw new AssertionError("no JSON log line with '" + text + "' in:\n" + log);
    }
}
