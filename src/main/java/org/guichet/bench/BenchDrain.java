package org.guichet.bench;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.guichet.app.Guichet;
import org.guichet.intake.MailboxWatcher;

/**
 * Intake's drain of a full INBOX, as after a weekend outage: the wall time of one pass over every waiting mail, and
 * the CPU time the whole process spent meanwhile (every thread, the JIT and the garbage collector included).
 */
final class BenchDrain {
    private final Guichet guichet;
    private final BenchServer server;
    private final BenchMails shapes = new BenchMails();
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    /** A quarantined mail is taken off the INBOX but not handled: both are counted, apart. */
    record Result(int mails, int handled, int quarantined, long millis, long cpuNanos) {
        int left() {
            return mails - handled - quarantined;
        }

        double handledPerSecond() {
            return handled * 1000.0 / Math.max(1, millis);
        }

        double cpuMillisPerMail() {
            return cpuNanos / 1e6 / Math.max(1, handled + quarantined);
        }
    }

    BenchDrain(Guichet guichet, BenchServer server) {
        this.guichet = guichet;
        this.server = server;
    }

    /** Mails {@code offset + 1} to {@code offset + count} of the bench's shapes, put in the support INBOX. */
    void fill(int offset, int count) throws Exception {
        fill(offset, count, "requester");
    }

    /** The same, from other senders (see {@link BenchMails#mail(int, String)}). */
    void fill(int offset, int count, String senders) throws Exception {
        Session session = Session.getInstance(new Properties());
        List<MimeMessage> mails = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            mails.add(message(session, shapes.mail(i, senders).replace("<bench-", "<bench" + offset + "-" + run + "-")));
        }
        server.put(mails);
    }

    static MimeMessage message(Session session, String raw) throws MessagingException {
        return new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }

    /** One intake pass over the {@code mails} waiting, timed. */
    Result drain(int mails) {
        int quarantinedBefore = guichet.mailLog().quarantined().size();
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        int taken = new MailboxWatcher(guichet.intake(), () -> { }).drainOnce();
        long millis = (System.nanoTime() - start) / 1_000_000;
        long cpu = processCpuNanos() - cpuBefore;
        int quarantined = guichet.mailLog().quarantined().size() - quarantinedBefore;
        return new Result(mails, taken - quarantined, quarantined, millis, cpu);
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
