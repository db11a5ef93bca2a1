package org.guichet.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.guichet.config.Imap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The IDLE of a mailbox on a real IMAP server (GreenMail): one given a limit ends by itself when no mail comes, so
 * that the watcher looks again after a pass that handled mail; one without waits until a mail is announced.
 */
class MailboxIdleIT {
    private static final String SUPPORT = "support@helpdesk.test";

    GreenMail greenMail;

    @BeforeEach
    void start() {
        greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()});
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
    }

    @AfterEach
    void stop() {
        greenMail.stop();
    }

    private Mailbox open() throws MessagingException {
        Imap imap = new Imap("127.0.0.1", greenMail.getImap().getPort(), false, false, SUPPORT, "secret", "INBOX",
                "Processed", "Quarantine", Duration.ofMinutes(1), true, Duration.ofSeconds(30));
        return Mailbox.open(imap, ImapSession.login(imap, Clock.systemUTC()));
    }

    private static CompletableFuture<Void> idle(Mailbox mailbox, Optional<Duration> atMost) {
        return CompletableFuture.runAsync(() -> {
            try {
                mailbox.idle(atMost);
            } catch (MessagingException e) {
                throw new CompletionException(e);
            }
        });
    }

    @Test
    void anIdleGivenALimitEndsByItselfAndOneWithoutWaitsForTheNextMail() throws Exception {
        try (Mailbox limited = open(); Mailbox unlimited = open()) {
            CompletableFuture<Void> withLimit = idle(limited, Optional.of(Duration.ofMillis(500)));
            CompletableFuture<Void> withoutLimit = idle(unlimited, Optional.empty());

            await().atMost(Duration.ofSeconds(20)).until(withLimit::isDone);
            assertThat(withLimit).as("ended by its limit, without an error").isCompleted();
            assertThat(withoutLimit).as("no mail came: the IDLE without a limit still waits").isNotDone();

            GreenMailUtil.sendTextEmail(SUPPORT, "jane@example.org", "VPN down", "It refuses my password.",
                    greenMail.getSmtp().getServerSetup());
            await().atMost(Duration.ofSeconds(20)).until(withoutLimit::isDone);
            assertThat(withoutLimit).as("ended by the mail announced").isCompleted();
            assertThat(unlimited.messages()).hasSize(1);
        }
    }
}
