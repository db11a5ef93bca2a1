package org.guichet.app;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.guichet.cli.Check;
import org.guichet.cli.DaemonRunner;
import org.guichet.config.GuichetConfig;
import org.guichet.config.MailboxSettings;
import org.guichet.config.Observability;
import org.guichet.intake.IntakeException;
import org.guichet.intake.MailboxWatcher;
import org.guichet.intake.ReadingTurn;
import org.guichet.ops.HttpEndpoint;
import org.guichet.store.IntakeLease;
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
    static final int EXIT_ON_ERROR = 70;
    private static final long RETENTION_FIRST_MINUTES = 5;
    private static final Duration HEALTH_REMEMBERS = Duration.ofSeconds(30);
    private final Guichet guichet;

    Daemon(Guichet guichet) {
        this.guichet = guichet;
    }

    @Override
    public int runOnce(PrintWriter out) {
        LogFormat.apply(guichet.config().observability());
        guichet.database().migrateIfBehind();
        Optional<DemoMailServer> demo = guichet.config().mail().demoServer()
                ? Optional.of(DemoMailServer.start(guichet.config())) : Optional.empty();
        IntakeLease lease = guichet.intakeLease();
        try {
            int handled = 0;
            List<IntakeException> failures = new ArrayList<>();
            if (lease.tick()) {
                // every mailbox, each on its own: one that cannot be read does not keep the others' mail waiting
                for (WatchedMailbox m : guichet.mailboxes()) {
                    try {
                        handled += new MailboxWatcher(m.intake(), () -> { }, ReadingTurn.ALWAYS,
                                guichet.mailboxReport()).drainOnce();
                    } catch (IntakeException e) {
                        failures.add(e);
                    }
                }
            } else {
                out.printf("mailbox not read: another instance (%s) reads it%n", lease.holder());
            }
            int closed = guichet.autoClose().run();
            guichet.heldDigests().run();
            int timed = guichet.timekeeper().run();
            int sent = guichet.delivery().deliverDue();
            out.printf("%d mail(s) handled, %d ticket(s) closed automatically, %d reminder(s) or digest(s),"
                    + " %d notification(s) sent%n", handled, closed, timed, sent);
            if (!failures.isEmpty()) {
                throw failures.size() == 1 ? failures.get(0) : new IntakeException(failures.size() + " mailboxes"
                        + " could not be read: " + String.join("; ", failures.stream().map(e -> e.getMessage())
                        .toList()), failures.get(0));
            }
            return handled;
        } finally {
            lease.release();
            demo.ifPresent(DemoMailServer::close);
        }
    }

    @Override
    public void runUntilStopped(PrintWriter out) {
        LogFormat.apply(guichet.config().observability());
        int applied = guichet.database().migrateIfBehind();
        if (applied > 0) {
            log.info("database migrated: {} migration(s) applied", applied);
        }
        Optional<DemoMailServer> demo = guichet.config().mail().demoServer()
                ? Optional.of(DemoMailServer.start(guichet.config())) : Optional.empty();
        OutboxLoop outbox = new OutboxLoop(guichet.delivery());
        IntakeLease lease = guichet.intakeLease();
        lease.tick();
        // one watcher and one thread per mailbox, each with its own backoff: a mailbox that is down or refuses its
        // login is retried and reported without slowing the others. One lease covers them all: with several
        // instances, one reads every mailbox.
        List<MailboxWatcher> watchers = guichet.mailboxes().stream().map(m -> new MailboxWatcher(m.intake(),
                outbox::wake, lease, guichet.mailboxReport())).toList();
        List<Thread> intakes = new ArrayList<>();
        for (int i = 0; i < watchers.size(); i++) {
            String name = i == 0 ? "guichet-intake" : "guichet-intake-" + guichet.mailboxes().get(i).name();
            Thread intake = new Thread(watchers.get(i)::watch, name);
            intake.setUncaughtExceptionHandler(Daemon::exitOnError);
            intakes.add(intake);
        }
        Thread sender = new Thread(outbox, "guichet-outbox");
        sender.setUncaughtExceptionHandler(Daemon::exitOnError);
        ScheduledExecutorService renewal = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "guichet-scheduler"));
        long every = watchers.stream().map(MailboxWatcher::idleRenewal).min(Duration::compareTo).orElseThrow()
                .toMillis();
        renewal.scheduleAtFixedRate(() -> watchers.forEach(MailboxWatcher::renewIdle), every, every,
                TimeUnit.MILLISECONDS);
        renewal.scheduleAtFixedRate(() -> autoClose(outbox, lease), 0, AUTO_CLOSE_EVERY_MINUTES, TimeUnit.MINUTES);
        renewal.scheduleAtFixedRate(() -> digests(outbox, lease), 1, DIGESTS_EVERY_MINUTES, TimeUnit.MINUTES);
        renewal.scheduleAtFixedRate(() -> keepTime(outbox, lease), 1, 1, TimeUnit.MINUTES);
        renewal.scheduleAtFixedRate(() -> retention(lease), RETENTION_FIRST_MINUTES, TimeUnit.DAYS.toMinutes(1),
                TimeUnit.MINUTES);
        // the lease has a thread of its own: a long auto-close must not delay its renewal
        ScheduledExecutorService leaseKeeper = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "guichet-lease"));
        long tick = lease.checkEvery().toMillis();
        leaseKeeper.scheduleAtFixedRate(() -> keep(lease, watchers), tick, tick, TimeUnit.MILLISECONDS);
        Optional<HttpEndpoint> http = startHttp();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("stopping: finishing the mail in hand");
            watchers.forEach(MailboxWatcher::stop);
            outbox.stop();
            renewal.shutdownNow();
            http.ifPresent(HttpEndpoint::close);
            intakes.forEach(Daemon::join);
            join(sender);
            leaseKeeper.shutdownNow();
            lease.release();
            demo.ifPresent(DemoMailServer::close);
            guichet.close();
            stopped.countDown();
        }, "guichet-stop"));
        sender.start();
        intakes.forEach(Thread::start);
        printBanner(out, guichet.config());
        awaitQuietly(stopped);
    }

    /**
     * An Error outside any one mail or notification (one inside is the mail's failure, and the loop carries on):
     * the daemon exits with status {@value #EXIT_ON_ERROR} rather than look alive with a dead loop, so that its
     * supervisor (systemd, Docker) restarts it. The exit runs on its own thread, since the stop hook joins this one.
     */
    private static void exitOnError(Thread thread, Throwable error) {
        log.error("the {} thread stopped on {}; exiting with status {} so that a supervisor restarts Guichet",
                thread.getName(), error.toString(), EXIT_ON_ERROR, error);
        new Thread(() -> System.exit(EXIT_ON_ERROR), "guichet-exit").start();
    }

    /** Renews the turn to read the mailbox; a lost turn ends the IDLE in progress, so that reading stops at once. */
    private static void keep(IntakeLease lease, List<MailboxWatcher> watchers) {
        boolean had = lease.held();
        if (!lease.tick() && had) {
            watchers.forEach(MailboxWatcher::renewIdle);
        }
    }

    /**
     * The daily job, run every hour so that a restart never delays it by a day; a failure waits for the next run.
     * With several instances, the one that reads the mailbox runs it.
     */
    private void autoClose(OutboxLoop outbox, IntakeLease lease) {
        if (!lease.held()) {
            return;
        }
        try {
            if (guichet.autoClose().run() > 0) {
                outbox.wake();
            }
        } catch (RuntimeException e) {
            log.warn("auto-close failed, will try again: {}", e.getMessage());
        }
    }

    /**
     * Held notifications go out as digests once their recipient's hour opens; a failure waits for the next run.
     * With several instances, the one that reads the mailbox runs it, so that each digest goes out once.
     */
    private void digests(OutboxLoop outbox, IntakeLease lease) {
        if (!lease.held()) {
            return;
        }
        try {
            if (guichet.heldDigests().run() > 0) {
                outbox.wake();
            }
        } catch (RuntimeException e) {
            log.warn("sending digests failed, will try again: {}", e.getMessage());
        }
    }

    /**
     * Reminders, escalations, waiting tickets, digest: each minute, reading what is due from the database. With
     * several instances, the one that reads the mailbox runs it, so that each reminder goes out once.
     */
    private void keepTime(OutboxLoop outbox, IntakeLease lease) {
        if (!lease.held()) {
            return;
        }
        try {
            if (guichet.timekeeper().run() > 0) {
                outbox.wake();
            }
        } catch (RuntimeException e) {
            log.warn("reminders and digest failed, will try again: {}", e.getMessage());
        }
    }

    /**
     * The daily purge of {@code tickets.retention-days}; nothing when it is not set. With several instances, the
     * one that reads the mailbox runs it.
     */
    private void retention(IntakeLease lease) {
        if (!lease.held()) {
            return;
        }
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
            for (MailboxSettings m : config.mailboxes()) {
                out.printf("  Watching %s on %s:%d as %s, for %s.%n", m.imap().folder(), m.imap().host(),
                        m.imap().port(), m.imap().user(), m.address());
            }
        }
        Check heap = HeapCheck.ofThisJvm();
        if (!heap.ok()) {
            out.printf("  Warning: %s.%n", heap.detail());
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
