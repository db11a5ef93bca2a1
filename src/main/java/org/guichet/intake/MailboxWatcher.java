package org.guichet.intake;

import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.guichet.connect.MailFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps watching the folder: drains it, then waits with IDLE where the server offers it (renewed well
 * inside its timeouts) or polls; reconnects by itself with exponential backoff and jitter after any fault.
 */
public final class MailboxWatcher {
    private static final Logger log = LoggerFactory.getLogger(MailboxWatcher.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration LONGEST_BACKOFF = Duration.ofMinutes(5);
    // short enough that the connection, idle meanwhile, is not dropped by the server
    private static final Duration LONGEST_PAUSE = Duration.ofMinutes(1);
    private static final Duration LOOK_AGAIN_AFTER_WORK = Duration.ofSeconds(1);

    private final ImapIntake intake;
    private final Runnable afterDrain;
    private final ReadingTurn turn;
    private final WatchReport report;
    private final AtomicReference<Mailbox> current = new AtomicReference<>();
    private final Object wakeUp = new Object();
    private volatile boolean running = true;

    /** {@code afterDrain} runs after each pass that handled mail: the daemon delivers the outbox then. */
    public MailboxWatcher(ImapIntake intake, Runnable afterDrain) {
        this(intake, afterDrain, ReadingTurn.ALWAYS);
    }

    /** With several instances on one mailbox, this one reads only while {@code turn} is held. */
    public MailboxWatcher(ImapIntake intake, Runnable afterDrain, ReadingTurn turn) {
        this(intake, afterDrain, turn, WatchReport.NONE);
    }

    /** One of several mailboxes, each with its own watcher and backoff; {@code report} tells how it fares. */
    public MailboxWatcher(ImapIntake intake, Runnable afterDrain, ReadingTurn turn, WatchReport report) {
        this.intake = intake;
        this.afterDrain = afterDrain;
        this.turn = turn;
        this.report = report;
    }

    /** One pass, for {@code run --once}: connect, handle everything waiting, disconnect. */
    public int drainOnce() {
        intake.cleanSpool();
        try (Mailbox mailbox = Mailbox.open(intake.config(), intake.login())) {
            ImapIntake.Pass pass = intake.drain(mailbox, () -> running);
            report.read(intake.mailbox(), pass.handled() + pass.leftInPlace());
            return pass.handled();
        } catch (MessagingException e) {
            String reason = MailFailure.describe(e, "imap");
            report.failed(intake.mailbox(), reason);
            throw new IntakeException("cannot read the mailbox " + intake.config().user() + "@"
                    + intake.config().host() + ":" + intake.config().port()
                    + (intake.mailbox().isEmpty() ? "" : " (mailbox " + intake.mailbox() + ")") + ": " + reason, e);
        }
    }

    /** Watches until {@link #stop()}; never throws for a network or server fault. */
    public void watch() {
        intake.cleanSpool();
        int failures = 0;
        boolean waiting = false;
        while (running) {
            if (!turn.held()) {
                if (!waiting) {
                    log.info("waiting for the mailbox: {} reads it", turn.holder());
                }
                waiting = true;
                pause(turn.checkEvery());
                continue;
            }
            waiting = false;
            try (Mailbox mailbox = Mailbox.open(intake.config(), intake.login())) {
                current.set(mailbox);
                log.info("watching {}", mailbox.describe());
                failures = 0;
                watchOn(mailbox);
            } catch (MessagingException | RuntimeException e) {
                // whatever the fault, the loop must go on: a dead intake thread would stop the helpdesk silently
                failures++;
                if (running) {
                    Duration wait = backoff(failures);
                    report.failed(intake.mailbox(), reason(e));
                    log.warn("mailbox unavailable ({}{}@{}:{}: {}); retrying in {} s", named(), intake.config().user(),
                            intake.config().host(), intake.config().port(), reason(e), wait.toSeconds());
                    log.debug("mailbox failure", e);
                    pause(wait);
                }
            } finally {
                current.set(null);
            }
        }
    }

    private void watchOn(Mailbox mailbox) throws MessagingException {
        boolean idle = intake.config().idle() && mailbox.supportsIdle();
        int pauses = 0;
        while (running) {
            if (!turn.held()) {
                return; // another instance reads the mailbox now: this one closes it and waits for its turn
            }
            ImapIntake.Pass pass = intake.drain(mailbox, () -> running && turn.held());
            report.read(intake.mailbox(), pass.handled() + pass.leftInPlace());
            if (pass.handled() > 0) {
                afterDrain.run();
            }
            if (!running) {
                return;
            }
            if (pass.paused()) {
                // the database or the disk is unavailable: wait, then try again; nothing was moved meanwhile
                Duration wait = backoff(++pauses);
                pause(wait.compareTo(LONGEST_PAUSE) < 0 ? wait : LONGEST_PAUSE);
                continue;
            }
            pauses = 0;
            if (mailbox.count() > pass.leftInPlace() || mailbox.deliveredSinceListed()) {
                continue; // mail arrived during the pass: no need to wait for it
            }
            if (idle) {
                // a mail delivered between the look above and the IDLE may go unannounced (GreenMail, now and
                // then): after a pass that handled mail, when more is likely on its way, look again within a second
                mailbox.idle(pass.handled() > 0 ? Optional.of(LOOK_AGAIN_AFTER_WORK) : Optional.empty());
            } else {
                pause(intake.config().pollInterval());
            }
        }
    }

    /** Ends the IDLE in progress so the loop looks at the folder again; the daemon's renewal calls this. */
    public void renewIdle() {
        Mailbox mailbox = current.get();
        if (mailbox == null) {
            return;
        }
        try {
            mailbox.interruptIdle();
        } catch (MessagingException | RuntimeException e) {
            log.debug("IDLE renewal failed: {}", e.getMessage());
        }
    }

    public Duration idleRenewal() {
        return ImapSession.idleRenewal(intake.config());
    }

    public void stop() {
        running = false;
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
        renewIdle();
    }

    private void pause(Duration duration) {
        synchronized (wakeUp) {
            try {
                if (running) {
                    wakeUp.wait(Math.max(1, duration.toMillis()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    /** "rh, " for the mailbox named rh, nothing for an intake of no name: the logs say which mailbox is down. */
    private String named() {
        return intake.mailbox().isEmpty() ? "" : intake.mailbox() + ", ";
    }

    private static String reason(Exception e) {
        return e instanceof MessagingException m ? MailFailure.describe(m, "imap") : e.toString();
    }

    static Duration backoff(int failures) {
        long base = FIRST_BACKOFF.toMillis() << Math.min(failures - 1, 16);
        long capped = Math.min(base, LONGEST_BACKOFF.toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
