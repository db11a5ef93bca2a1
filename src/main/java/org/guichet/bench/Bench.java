package org.guichet.bench;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import org.guichet.app.Guichet;
import org.guichet.config.ConfigLoader;
import org.guichet.intake.MailboxWatcher;

/**
 * {@code guichet bench}: an embedded GreenMail on free loopback ports, a temporary H2 database and folders, and
 * in one run (a) the ceiling, a plain IMAP client fetching the mails in batches as intake does; (b) Guichet's
 * intake of the same mails end to end; (c) delivery-to-acknowledgement delays with IDLE; (d) the peak heap of
 * a fresh JVM handling a 50 MB mail. Nothing is left behind.
 */
final class Bench {
    static final String SUPPORT = "support@helpdesk.test";
    private static final int WARM_UP_MAILS = 200;
    private final PrintWriter log;

    Bench(PrintWriter log) {
        this.log = log;
    }

    BenchReport run(int mails, int ackSamples, long largeMailBytes) throws Exception {
        Path dir = Files.createTempDirectory("guichet-bench");
        int smtpPort = freePort();
        int imapPort = freePort();
        GreenMail server = start(smtpPort, imapPort);
        Path configFile = dir.resolve("guichet.yml");
        Files.writeString(configFile, yaml(smtpPort, imapPort, dir));
        Guichet guichet = new Guichet(new ConfigLoader().load(configFile), configFile, Clock.systemUTC());
        try {
            guichet.database().migrate();
            GreenMailUser support = server.setUser(SUPPORT, SUPPORT, "any");
            BenchMails shapes = new BenchMails();
            log.printf("warming up on %d mails...%n", WARM_UP_MAILS);
            fill(support, shapes, -WARM_UP_MAILS, WARM_UP_MAILS);
            drain(guichet);
            log.printf("filling the mailbox with %d mails...%n", mails);
            fill(support, shapes, 0, mails);
            BenchCeiling.Result ceiling = BenchCeiling.best(imapPort, 2);
            log.printf("(a) ceiling: %d mails fetched in %d ms%n", ceiling.mails(), ceiling.millis());
            long start = System.nanoTime();
            int handled = drain(guichet);
            long intakeMillis = (System.nanoTime() - start) / 1_000_000;
            log.printf("(b) intake: %d mails handled in %d ms%n", handled, intakeMillis);
            BenchAcks.Result acks = new BenchAcks(guichet, server, smtpPort, log).measure(ackSamples);
            BenchHeap.Result heap = new BenchHeap(support, dir, configFile, log).measure(largeMailBytes);
            return new BenchReport(mails, ceiling.mails(), ceiling.millis(), handled, intakeMillis, acks.samples(),
                    acks.median(), acks.p95(), heap.mailBytes(), heap.handled(), heap.peakHeapBytes(), heap.maxHeapBytes(),
                    heap.outcome());
        } finally {
            guichet.close();
            server.stop();
            delete(dir);
        }
    }

    private static int drain(Guichet guichet) {
        return new MailboxWatcher(guichet.intake(), () -> { }).drainOnce();
    }

    /** Puts mails straight into the support mailbox, as the server's delivery would, without an SMTP round trip. */
    private static void fill(GreenMailUser support, BenchMails shapes, int offset, int count) throws MessagingException {
        Session session = Session.getInstance(new Properties());
        for (int i = 1; i <= count; i++) {
            String raw = shapes.mail(i).replace("<bench-", "<bench" + offset + "-");
            support.deliver(new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
        }
    }

    static GreenMail start(int smtpPort, int imapPort) {
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        return greenMail;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The demo's config on the bench's own ports and temporary folders; templates come from the jar. */
    static String yaml(int smtpPort, int imapPort, Path dir) {
        String path = dir.toString().replace('\\', '/');
        return """
                helpdesk:
                  name: Bench Helpdesk
                  address: support@helpdesk.test
                  locale: en
                mail:
                  demo-server: false
                imap:
                  host: 127.0.0.1
                  port: %d
                  ssl: false
                  starttls: false
                  user: support@helpdesk.test
                  password: any
                smtp:
                  host: 127.0.0.1
                  port: %d
                  ssl: false
                  starttls: false
                storage:
                  database-url: jdbc:h2:file:%s/db/guichet
                  attachments-dir: %s/attachments
                  messages-dir: %s/messages
                security:
                  secret: bench-secret-0123456789
                services:
                  - id: it
                    name: IT support
                    agents: [alice@helpdesk.test]
                  - id: admin
                    name: Administration
                    agents: [bob@helpdesk.test]
                categories:
                  - name: Network
                    service: it
                    keywords: [wifi, wi-fi, network]
                  - name: Payroll
                    service: admin
                    keywords: [payslip, payslips, salary]
                  - name: Unsorted
                    service: it
                default-category: Unsorted
                """.formatted(imapPort, smtpPort, path, path, path);
    }

    static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the bench folder " + dir + ": " + e.getMessage(), e);
        }
    }
}
