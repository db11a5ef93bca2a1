package org.guichet.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** A parse that stalls fails alone, past its time limit, and its thread is told to stop; an Error reaches the caller. */
class ParseWatchdogTest {

    @Test
    void aStalledParseFailsPastItsTimeoutAndIsInterrupted() {
        CountDownLatch stopped = new CountDownLatch(1);

        assertThatThrownBy(() -> ParseWatchdog.run(() -> stallUntilInterrupted(stopped), Duration.ofMillis(200)))
                .isInstanceOf(ParseException.class)
                .hasMessage("The parse ran past limits.parse-timeout (200 ms) and was abandoned.");
        await().atMost(Duration.ofSeconds(10)).until(() -> stopped.getCount() == 0);
    }

    @Test
    void anErrorWhileParsingReachesTheCallerAsItIs() {
        assertThatThrownBy(() -> ParseWatchdog.run(() -> {
            throw new OutOfMemoryError("Java heap space");
        }, Duration.ofMinutes(1))).isInstanceOf(OutOfMemoryError.class).hasMessage("Java heap space");
    }

    @Test
    void aParseInTimeGivesItsMail() {
        InboundMail mail = ParseWatchdog.run(() -> new MailParser(AttachmentSink.hashingOnly())
                .parse("Subject: in time\r\n\r\nHello".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                Duration.ofMinutes(1));

        assertThat(mail.subject()).isEqualTo("in time");
        assertThat(mail.text()).isEqualTo("Hello");
    }

    private static InboundMail stallUntilInterrupted(CountDownLatch stopped) {
        while (!Thread.currentThread().isInterrupted()) {
            Thread.onSpinWait();
        }
        stopped.countDown();
        return new InboundMail(Optional.empty(), List.of(), List.of(), List.of(), Optional.empty(), Optional.empty(),
                List.of(), List.of(), "", "", "", Optional.empty(), List.of(), MailHeaders.empty(), List.of(), "");
    }
}
