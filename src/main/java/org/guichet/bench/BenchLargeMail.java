package org.guichet.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.guichet.app.Guichet;
import org.guichet.config.ConfigLoader;
import org.guichet.intake.MailboxWatcher;

/**
 * The child JVM of {@code guichet bench} part (d): one intake pass over the waiting large mail, then one line
 * with the heap's peak and what became of the mail ({@code handled}, or {@code quarantined} and the reason, last on
 * the line). The peak is the sum of each heap pool's own peak, an upper bound of the true one.
 */
public final class BenchLargeMail {
    private BenchLargeMail() {
    }

    public static void main(String[] args) {
        Path configFile = Path.of(args[0]);
        try (Guichet guichet = new Guichet(new ConfigLoader().load(configFile), configFile, Clock.systemUTC())) {
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            System.gc();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            int handled = new MailboxWatcher(guichet.intake(), () -> { }).drainOnce();
            long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            String outcome = guichet.mailLog().quarantined().stream().findFirst()
                    .map(q -> "quarantined reason=" + q.reason()).orElse(handled > 0 ? "handled" : "left");
            System.out.printf("handled=%d peak=%d max=%d outcome=%s%n", handled, peak, Runtime.getRuntime().maxMemory(),
                    outcome.replace('\n', ' '));
        }
    }
}
