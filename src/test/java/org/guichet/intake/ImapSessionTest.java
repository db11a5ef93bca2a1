package org.guichet.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.guichet.config.Imap;
import org.junit.jupiter.api.Test;

class ImapSessionTest {
    static Imap imap(Duration timeout) {
        return new Imap("mail.example.org", 993, true, false, "support@example.org", "secret", "INBOX", "Processed",
                "Quarantine", Duration.ofMinutes(1), true, timeout);
    }

    @Test
    void everyCallHasTheConfiguredTimeoutAndReadsWithoutMarkingSeen() {
        var props = ImapSession.of(imap(Duration.ofSeconds(30))).getProperties();
        assertThat(props.getProperty("mail.imaps.connectiontimeout")).isEqualTo("30000");
        assertThat(props.getProperty("mail.imaps.timeout")).isEqualTo("30000");
        assertThat(props.getProperty("mail.imaps.writetimeout")).isEqualTo("30000");
        assertThat(props.getProperty("mail.imaps.ssl.checkserveridentity")).isEqualTo("true");
        assertThat(props.getProperty("mail.imaps.ssl.trust")).as("no blanket trust of certificates").isNull();
        assertThat(props.getProperty("mail.imaps.peek")).isEqualTo("true");
    }

    @Test
    void idleIsRenewedInsideTheReadTimeoutAndWellInside29Minutes() {
        assertThat(ImapSession.idleRenewal(imap(Duration.ofSeconds(30)))).isEqualTo(Duration.ofSeconds(15));
        assertThat(ImapSession.idleRenewal(imap(Duration.ofHours(2)))).isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void reconnectionBacksOffExponentiallyWithJitterUpToFiveMinutes() {
        for (int failures = 1; failures <= 12; failures++) {
            long full = Math.min(1000L << (failures - 1), 300_000L);
            assertThat(MailboxWatcher.backoff(failures).toMillis()).isBetween(full / 2, full);
        }
    }
}
