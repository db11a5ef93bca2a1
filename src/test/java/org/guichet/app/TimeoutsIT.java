package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.guichet.intake.IntakeException;
import org.guichet.intake.MailboxWatcher;
import org.guichet.ticket.OutgoingMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IMAP and SMTP servers that accept the connection and then never answer: every call gives up in time. */
class TimeoutsIT {
    private static final long WITHIN_SECONDS = 5; // the configured timeout is 1 s

    @TempDir
    Path dir;

    TestHelpdesk helpdesk;

    @AfterEach
    void stop() {
        if (helpdesk != null) {
            helpdesk.close();
        }
    }

    @Test
    void aServerThatAcceptsAndNeverAnswersHoldsNoThreadPastTheTimeout() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            helpdesk = TestHelpdesk.start(dir, yaml -> yaml.replaceAll("port: \\d+", "port: " + silent.port())
                    .replace("timeout: 10s", "timeout: 1s"));

            MailboxWatcher once = new MailboxWatcher(helpdesk.guichet.intake(), () -> { });
            CompletableFuture<Integer> drain = CompletableFuture.supplyAsync(once::drainOnce);
            assertThatThrownBy(() -> drain.get(WITHIN_SECONDS, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IntakeException.class);

            helpdesk.guichet.tickets().inTransaction(tx -> {
                tx.queue(notification(), Instant.now());
                return null;
            });
            CompletableFuture<Integer> send = CompletableFuture.supplyAsync(helpdesk.guichet.delivery()::deliverDue);
            assertThat(send.get(WITHIN_SECONDS, TimeUnit.SECONDS)).as("sent").isZero();
            assertThat(helpdesk.guichet.outbox().unsent()).as("kept for a later try").hasSize(1)
                    .allSatisfy(e -> assertThat(e.status()).isEqualTo("pending"));

            try (LogCapture log = new LogCapture("org.guichet.intake.MailboxWatcher")) {
                RunningIntake intake = new RunningIntake(helpdesk.guichet);
                await().atMost(Duration.ofSeconds(20)).until(() -> log.count("mailbox unavailable") >= 2);
                intake.stop(Duration.ofSeconds(WITHIN_SECONDS));
            }
            assertThat(silent.connections()).isGreaterThanOrEqualTo(4);
        }
    }

    private static OutgoingMail notification() {
        return new OutgoingMail(Optional.empty(), "acknowledgement", "jane@example.org", "timeout-1@helpdesk.test",
                Optional.empty(), List.of(), "Test Helpdesk", Optional.empty(), "[Helpdesk #1] Test", "Hello.",
                Optional.empty(), "auto-replied", List.of());
    }
}
