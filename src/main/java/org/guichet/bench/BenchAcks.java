package org.guichet.bench;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.guichet.app.Guichet;
import org.guichet.app.OutboxLoop;
import org.guichet.intake.MailboxWatcher;

/**
 * Delivery-to-acknowledgement with the daemon's own loops running (intake waiting in IDLE, the outbox sender):
 * mails sent one at a time over SMTP at a modest pace, each timed from the server's acceptance to the
 * acknowledgement in its sender's INBOX, as the sender's mail program would see it.
 */
final class BenchAcks {
    private static final Duration PACE = Duration.ofMillis(250);
    private static final Duration GIVE_UP = Duration.ofSeconds(30);
    private final Guichet guichet;
    private final Endpoints servers;
    private final PrintWriter log;
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    record Result(int samples, Duration median, Duration p95) {
    }

    BenchAcks(Guichet guichet, Endpoints servers, PrintWriter log) {
        this.guichet = guichet;
        this.servers = servers;
        this.log = log;
    }

    Result measure(int samples) throws Exception {
        setAsideQueuedNotifications();
        OutboxLoop outbox = new OutboxLoop(guichet.delivery());
        MailboxWatcher watcher = new MailboxWatcher(guichet.intake(), outbox::wake);
        Thread sender = new Thread(outbox, "bench-outbox");
        Thread intake = new Thread(watcher::watch, "bench-intake");
        sender.start();
        intake.start();
        List<Long> delays = new ArrayList<>();
        try {
            Thread.sleep(PACE.toMillis() * 4); // intake connects and enters IDLE
            for (int i = 1; i <= samples; i++) {
                delays.add(oneDelayMillis(i));
                Thread.sleep(PACE.toMillis());
            }
        } finally {
            watcher.stop();
            outbox.stop();
            intake.join(10_000);
            sender.join(10_000);
        }
        delays.sort(null);
        log.printf("(d) %d acknowledgements: %s ms%n", delays.size(), delays);
        return new Result(delays.size(), Duration.ofMillis(percentile(delays, 0.5)),
                Duration.ofMillis(percentile(delays, 0.95)));
    }

    private long oneDelayMillis(int i) throws MessagingException, InterruptedException {
        String from = "ack" + i + "@example.org";
        try (MailboxProbe mailbox = MailboxProbe.requester(servers, from)) {
            int before = mailbox.inbox();
            send(servers, from, "Printer offline " + i, "<ack-" + i + "-" + run + "@example.org>");
            long accepted = System.nanoTime();
            long deadline = accepted + GIVE_UP.toNanos();
            while (System.nanoTime() < deadline) {
                if (mailbox.inbox() > before) {
                    return (System.nanoTime() - accepted) / 1_000_000;
                }
                Thread.sleep(2);
            }
        }
        throw new IllegalStateException("no acknowledgement for " + from + " within " + GIVE_UP.toSeconds() + " s");
    }

    /** A requester's new request, submitted to the SMTP server as a mail program would. */
    static void send(Endpoints servers, String from, String subject, String messageId) throws MessagingException {
        String raw = "From: " + from + "\r\nTo: " + Bench.SUPPORT + "\r\nSubject: " + subject + "\r\nMessage-ID: "
                + messageId + "\r\n\r\nThe printer is offline.\r\n";
        Session session = MailboxProbe.session(servers);
        MimeMessage message = BenchDrain.message(session, raw);
        if (servers.smtpUser().isEmpty()) {
            Transport.send(message);
        } else {
            Transport.send(message, servers.smtpUser(), servers.smtpPassword());
        }
    }

    /**
     * The notifications the outbox could not send would be sent first and delay every acknowledgement measured
     * here: they are marked sent, in the bench's throwaway database.
     */
    private void setAsideQueuedNotifications() throws SQLException {
        DataSource ds = guichet.database().dataSource();
        try (var c = ds.getConnection(); var ps = c.prepareStatement("UPDATE outbox SET status = 'sent' WHERE status = ?")) {
            ps.setString(1, "pending");
            ps.executeUpdate();
        }
    }

    static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
