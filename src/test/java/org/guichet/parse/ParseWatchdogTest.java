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
    void aParseStillRunsWhileAnAbandonedOneHoldsItsThread() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        assertThatThrownBy(() -> ParseWatchdog.run(() -> ignoreInterruptsUntil(release, ended), Duration.ofMillis(100)))
                .isInstanceOf(ParseException.class);

        InboundMail next = ParseWatchdog.run(() -> new MailParser(AttachmentSink.hashingOnly())
                .parse("Subject: next\r\n\r\nHi".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                Duration.ofMinutes(1));

        assertThat(next.subject()).isEqualTo("next");
        assertThat(ended.getCount()).as("the abandoned parse is still running on its own thread").isEqualTo(1);
        release.countDown();
        assertThat(ended.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
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

    private static InboundMail ignoreInterruptsUntil(CountDownLatch release, CountDownLatch ended) {
        while (release.getCount() > 0) {
            Thread.onSpinWait();
        }
        ended.countDown();
        return stallUntilInterrupted(new CountDownLatch(1));
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
