package org.guichet.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.guichet.app.Guichet;
import org.guichet.config.ConfigLoader;

/**
 * {@code guichet bench}: a throwaway helpdesk (temporary H2 database and folders) on a mail server, the embedded
 * GreenMail or a real one, and in one run: (a) the ceiling, a plain IMAP client fetching the waiting mails;
 * (b) intake's drain of them and the CPU it costs, in a JVM that has handled only the warm-up's mails, then (b') the
 * same drain of as many new mails once the JVM has compiled its code, as in a daemon that has been running;
 * (c) the outbox sending the notifications the first drain queued;
 * (d) delivery-to-acknowledgement with IDLE; (e) start time of a fresh daemon with one mail waiting; (f) the
 * peak heap of a fresh JVM handling a large mail. Nothing is left behind but the mails on a real server.
 */
final class Bench {
    static final String SUPPORT = "support@helpdesk.test";
    private static final int WARM_UP_MAILS = 200;
    private final PrintWriter log;

    /** How much of each part to run; 0 starts or 0 large-mail bytes leave that part out. */
    record Plan(int mails, int acks, int starts, long largeMailBytes) {
    }

    Bench(PrintWriter log) {
        this.log = log;
    }

    BenchReport run(BenchServer server, Plan plan) throws Exception {
        Path dir = Files.createTempDirectory("guichet-bench");
        try (server) {
            Path configFile = BenchConfig.write(dir, server.endpoints());
            log.printf("bench on the %s, helpdesk in %s%n", server.describe(), dir);
            Measured m = measureIntake(server, configFile, plan);
            BenchStart.Result start = new BenchStart(server, configFile, log).measure(plan.starts());
            Optional<BenchHeap.Result> heap = plan.largeMailBytes() <= 0 ? Optional.empty()
                    : Optional.of(new BenchHeap(server, dir, configFile, log).measure(plan.largeMailBytes()));
            return new BenchReport(server.describe(), server.embedded(), m.ceiling(), m.drain(), m.warm(), m.outbox(),
                    m.acks(), start, heap);
        } finally {
            delete(dir);
        }
    }

    private record Measured(BenchCeiling.Result ceiling, BenchDrain.Result drain, BenchDrain.Result warm,
            BenchOutbox.Result outbox, BenchAcks.Result acks) {
    }

    /** Parts (a) to (d), on one helpdesk, closed afterwards so that a fresh daemon can open its database. */
    private Measured measureIntake(BenchServer server, Path configFile, Plan plan) throws Exception {
        try (Guichet guichet = new Guichet(new ConfigLoader().load(configFile), configFile, Clock.systemUTC())) {
            guichet.database().migrate();
            BenchDrain drain = new BenchDrain(guichet, server);
            log.printf("warming up on %d mails (and taking in whatever was waiting)...%n", WARM_UP_MAILS);
            drain.fill(-WARM_UP_MAILS, WARM_UP_MAILS);
            drain.drain(WARM_UP_MAILS);
            BenchOutbox.deliver(guichet);
            log.printf("filling the mailbox with %d mails...%n", plan.mails());
            drain.fill(0, plan.mails());
            BenchCeiling.Result ceiling = BenchCeiling.best(server.endpoints(), 2);
            log.printf("(a) ceiling: %d mails fetched in %d ms%n", ceiling.mails(), ceiling.millis());
            BenchDrain.Result drained = drain.drain(plan.mails());
            log.printf("(b) intake: %d mails handled, %d quarantined, in %d ms, %.1f s of CPU%n", drained.handled(),
                    drained.quarantined(), drained.millis(), drained.cpuNanos() / 1e9);
            BenchOutbox.Result sent = BenchOutbox.deliver(guichet);
            log.printf("(c) outbox: %d notifications sent in %d ms, %d left%n", sent.sent(), sent.millis(),
                    sent.unsent());
            log.printf("filling the mailbox with %d more mails, for the same drain on a warm JVM...%n", plan.mails());
            drain.fill(plan.mails(), plan.mails(), "colleague");
            BenchDrain.Result warm = drain.drain(plan.mails());
            log.printf("(b') intake, warm: %d mails handled, %d quarantined, in %d ms, %.1f s of CPU%n", warm.handled(),
                    warm.quarantined(), warm.millis(), warm.cpuNanos() / 1e9);
            BenchOutbox.deliver(guichet);
            BenchAcks.Result acks = new BenchAcks(guichet, server.endpoints(), log).measure(plan.acks());
            return new Measured(ceiling, drained, warm, sent, acks);
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the bench folder " + dir + ": " + e.getMessage(), e);
        }
    }
}
