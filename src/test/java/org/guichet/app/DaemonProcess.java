package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged daemon run as a separate process, as an administrator runs it, with its log in a file. */
final class DaemonProcess {
    static final Path JAR = Path.of("target", "guichet.jar").toAbsolutePath();

    private final Process process;
    private final Path log;

    private DaemonProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code guichet run} with this config and heap, its output going to {@code log}. */
    static DaemonProcess start(Path config, Path log, String maxHeap) {
        return start(config, log, maxHeap, Map.of());
    }

    /** The same, with these variables added to its environment. */
    static DaemonProcess start(Path config, Path log, String maxHeap, Map<String, String> environment) {
        assertThat(JAR).as("the packaged jar (mvn package runs before the integration tests)").exists();
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx" + maxHeap, "-XX:+ExitOnOutOfMemoryError",
                "-jar", JAR.toString(), "--config", config.toString(), "run"));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(config.getParent().toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process p = builder.start();
            return new DaemonProcess(p, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the daemon is connected to the mailbox. */
    DaemonProcess awaitWatching() {
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> output().contains("MailboxWatcher - watching") || !process.isAlive());
        assertThat(process.isAlive()).as("daemon output: %s", output()).isTrue();
        return this;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** kill -9: no shutdown hook, no finally block, as on a crash or a power cut. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    /** SIGTERM, as Ctrl-C or a service manager; returns the exit status. */
    int stop() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the daemon stops on SIGTERM").isTrue();
        return process.exitValue();
    }

    String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the log under target/daemon-logs, where it outlives the test's temporary folder. */
    void keepLog(String name) {
        try {
            Path kept = Files.createDirectories(Path.of("target", "daemon-logs"));
            Files.copy(log, kept.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
