package org.guichet.app;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.guichet.cli.DaemonRunner;
import org.guichet.config.GuichetConfig;
import org.guichet.config.Observability;
import org.guichet.ops.HttpEndpoint;
import org.guichet.intake.MailboxWatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon: the demo mail server when configured, intake (IDLE or polling), the outbox sender and the
 * IDLE renewal, started together and stopped together, finishing the mail in hand.
 */
final class Daemon implements DaemonRunner {
    private static final Logger log = LoggerFactory.getLogger(Daemon.class);
    private static final long STOP_WAIT_SECONDS = 30;
    private static final long AUTO_CLOSE_EVERY_MINUTES = 60;
    private static final long DIGESTS_EVERY_MINUTES = 1;
    private static final long RETENTION_FIRST_MINUTES = 5;
    private static final Duration HEALTH_REMEMBERS = Duration.ofSeconds(30);
    private final Guichet guichet;

    Daemon(Guichet guichet) {
        this.guichet = guichet;
    }

    @Override
    public int runOnce(PrintWriter out) {
        LogFormat.apply(guichet.config().observability());
        guichet.database().migrate();
        Optional<DemoMailServer> demo = guichet.config().mail().demoServer()
                ? Optional.of(DemoMailServer.start(guichet.config())) : Optional.empty();
        try {
            int handled = new MailboxWatcher(guichet.intake(), () -> { }).drainOnce();
            int closed = guichet.autoClose().run();
            guichet.digests().run();
            int sent = guichet.delivery().deliverDue();
            out.printf("%d mail(s) handled, %d ticket(s) closed automatically, %d notification(s) sent%n", handled,
                    closed, sent);
            return handled;
        } finally {
            demo.ifPresent(DemoMailServer::close);
        }
    }

    @Override
    public void runUntilStopped(PrintWriter out) {
        LogFormat.apply(guichet.config().observability());
        int applied = guichet.database().migrate();
        if (applied > 0) {
            log.info("database migrated: {} migration(s) applied", applied);
        }
        Optional<DemoMailServer> demo = guichet.config().mail().demoServer()
                ? Optional.of(DemoMailServer.start(guichet.config())) : Optional.empty();
        OutboxLoop outbox = new OutboxLoop(guichet.delivery());
        MailboxWatcher watcher = new MailboxWatcher(guichet.intake(), outbox::wake);
        Thread sender = new Thread(outbox, "guichet-outbox");
        Thread intake = new Thread(watcher::watch, "guichet-intake");
        ScheduledExecutorService renewal = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "guichet-scheduler"));
        long every = watcher.idleRenewal().toMillis();
        renewal.scheduleAtFixedRate(watcher::renewIdle, every, every, TimeUnit.MILLISECONDS);
        renewal.scheduleAtFixedRate(() -> autoClose(outbox), 0, AUTO_CLOSE_EVERY_MINUTES, TimeUnit.MINUTES);
        renewal.scheduleAtFixedRate(() -> digests(outbox), 1, DIGESTS_EVERY_MINUTES, TimeUnit.MINUTES);
        renewal.scheduleAtFixedRate(this::retention, RETENTION_FIRST_MINUTES, TimeUnit.DAYS.toMinutes(1),
                TimeUnit.MINUTES);
        Optional<HttpEndpoint> http = startHttp();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stopping: finishing the mail in hand");
            watcher.stop();
            outbox.stop();
            renewal.shutdownNow();
            http.ifPresent(HttpEndpoint::close);
            join(intake);
            join(sender);
            demo.ifPresent(DemoMailServer::close);
            guichet.close();
            stopped.countDown();
        }, "guichet-stop"));
        sender.start();
        intake.start();
        printBanner(out, guichet.config());
        awaitQuietly(stopped);
    }

    /** The daily job, run every hour so that a restart never delays it by a day; a failure waits for the next run. */
    private void autoClose(OutboxLoop outbox) {
        try {
            if (guichet.autoClose().run() > 0) {
                outbox.wake();
            }
        } catch (RuntimeException e) {
            log.warn("auto-close failed, will try again: {}", e.getMessage());
        }
    }

    /** Held notifications go out as digests once their recipient's hour opens; a failure waits for the next run. */
    private void digests(OutboxLoop outbox) {
        try {
            if (guichet.digests().run() > 0) {
                outbox.wake();
            }
        } catch (RuntimeException e) {
            log.warn("sending digests failed, will try again: {}", e.getMessage());
        }
    }

    /** The daily purge of {@code tickets.retention-days}; nothing when it is not set. */
    private void retention() {
        try {
            guichet.retention().runScheduled();
        } catch (RuntimeException e) {
            log.warn("retention purge failed, will try again tomorrow: {}", e.getMessage());
        }
    }

    private Optional<HttpEndpoint> startHttp() {
        Observability o = guichet.config().observability();
        if (o.httpPort().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(HttpEndpoint.start(o.httpHost(), o.httpPort().getAsInt(), guichet.health(HEALTH_REMEMBERS),
                guichet.metrics()));
    }

    private static void printBanner(PrintWriter out, GuichetConfig config) {
        out.printf("Guichet is running for %s <%s>.%n", config.helpdesk().name(), config.helpdesk().address());
        if (config.mail().demoServer()) {
            out.printf("  Demo mail server on %s: SMTP %d, IMAP %d; any user name and password.%n",
                    config.smtp().host(), config.smtp().port(), config.imap().port());
            out.printf("  Send a first mail: curl --url smtp://%s:%d --mail-from you@example.org"
                    + " --mail-rcpt %s --upload-file docs/first-mail.eml%n",
                    config.smtp().host(), config.smtp().port(), config.helpdesk().address());
            out.printf("  Read the reply:    curl --url 'imap://%s:%d/INBOX;UID=1' --user you@example.org:any%n",
                    config.imap().host(), config.imap().port());
        } else {
            out.printf("  Watching %s on %s:%d as %s.%n", config.imap().folder(), config.imap().host(),
                    config.imap().port(), config.imap().user());
        }
        out.println("  List the tickets from another terminal: ./run.sh tickets. Stop with Ctrl-C.");
        out.flush();
    }

    private static void join(Thread thread) {
        try {
            thread.join(TimeUnit.SECONDS.toMillis(STOP_WAIT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
