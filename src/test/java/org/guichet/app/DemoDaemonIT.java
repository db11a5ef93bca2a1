package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged program as a newcomer runs it: the daemon in demo mode in one process, its embedded mail
 * server reached over SMTP and IMAP, the command line in a second process while the daemon runs, and a stop
 * and restart.
 */
class DemoDaemonIT {
    private static final Path JAR = Path.of("target", "guichet.jar").toAbsolutePath();

    @TempDir
    Path dir;

    Path config;
    int smtpPort;
    int imapPort;
    Process daemon;
    final List<String> daemonOutput = new CopyOnWriteArrayList<>();

    @BeforeEach
    void writeConfig() throws IOException {
        assertThat(JAR).as("the packaged jar (mvn package runs before the integration tests)").exists();
        // the helpdesk's own config, in demo mode, on free ports, its data in the temporary folder
        smtpPort = TestHelpdesk.freePort();
        imapPort = TestHelpdesk.freePort();
        config = dir.resolve("guichet.yml");
        Files.writeString(config, TestHelpdesk.yaml(true, smtpPort, imapPort, dir));
    }

    @AfterEach
    void stopDaemon() throws InterruptedException {
        if (daemon != null && daemon.isAlive()) {
            daemon.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aMailSentToTheDemoBecomesTicketOneAndTheCliReadsItWhileTheDaemonRuns() throws Exception {
        startDaemon();

        TestHelpdesk.sendVia(smtpPort, GatewayIT.request("jane@example.org", "Wi-Fi drops every hour", "w-1@example.org"));
        MimeMessage ack = awaitMail("jane@example.org", 1).get(0);
        assertThat(ack.getSubject()).isEqualTo("[Helpdesk #1] Wi-Fi drops every hour");

        TestHelpdesk.sendVia(smtpPort, ("From: jane@example.org\r\nTo: support@helpdesk.test\r\n"
                + "Subject: Re: [Helpdesk #1] Wi-Fi drops every hour\r\nMessage-ID: <w-2@example.org>\r\n"
                + "In-Reply-To: " + ack.getMessageID() + "\r\n\r\nIt dropped again at 10:00.\r\n"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(cli("show", "1", "--format", "json").get("messages")).hasSize(2));

        JsonNode tickets = cli("tickets", "--format", "json");
        assertThat(tickets).hasSize(1);
        assertThat(tickets.get(0).get("subject").asText()).isEqualTo("Wi-Fi drops every hour");
        assertThat(TestHelpdesk.readVia(imapPort, TestHelpdesk.SUPPORT, "Processed")).hasSize(2);
        assertThat(TestHelpdesk.readVia(imapPort, TestHelpdesk.SUPPORT, "INBOX")).isEmpty();

        stopDaemon(daemon);
        startDaemon();

        assertThat(cli("tickets", "--format", "json")).hasSize(1);
        TestHelpdesk.sendVia(smtpPort, GatewayIT.request("jim@example.org", "Projector in room 12", "p-1@example.org"));
        assertThat(awaitMail("jim@example.org", 1).get(0).getSubject()).isEqualTo("[Helpdesk #2] Projector in room 12");
        JsonNode after = cli("tickets", "--format", "json");
        assertThat(after).hasSize(2);
        assertThat(cli("show", "1", "--format", "json").get("messages")).hasSize(2);
    }

    private void startDaemon() throws IOException {
        daemonOutput.clear();
        daemon = new ProcessBuilder(java(), "-jar", JAR.toString(), "--config", config.toString(), "run")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> collect(daemon), "daemon-output");
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> daemonOutput.stream()
                .anyMatch(l -> l.startsWith("Guichet is running")) || !daemon.isAlive());
        assertThat(daemon.isAlive()).as("daemon output: %s", daemonOutput).isTrue();
        // the banner is several lines: the hint to send a first mail follows the first one
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(daemonOutput)
                .anySatisfy(l -> assertThat(l).contains("curl --url smtp://127.0.0.1:" + smtpPort)));
    }

    private void stopDaemon(Process process) throws InterruptedException {
        process.destroy(); // SIGTERM, as Ctrl-C or a service manager would
        assertThat(process.waitFor(40, TimeUnit.SECONDS)).as("the daemon stops on SIGTERM").isTrue();
    }

    private void collect(Process process) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                daemonOutput.add(line);
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    private List<MimeMessage> awaitMail(String user, int count) {
        List<MimeMessage> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            found.clear();
            found.addAll(TestHelpdesk.readVia(imapPort, user, "INBOX"));
            assertThat(found).hasSize(count);
        });
        return found;
    }

    /** The command line in a second process, as from a second terminal. */
    private JsonNode cli(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString(), "--config", config.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("guichet %s: %s", String.join(" ", args), new String(out, StandardCharsets.UTF_8))
                .isZero();
        return new ObjectMapper().readTree(out);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
