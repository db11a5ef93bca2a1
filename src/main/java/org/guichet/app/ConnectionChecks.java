package org.guichet.app;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.guichet.GuichetException;
import org.guichet.cli.Check;
import org.guichet.config.GuichetConfig;
import org.guichet.connect.MailLogin;
import org.guichet.intake.ImapCheck;
import org.guichet.notify.OutboxDelivery;
import org.guichet.notify.SmtpCheck;
import org.guichet.store.Database;

/**
 * The steps of {@code config check} past the file itself: the database, then IMAP and SMTP as the daemon uses them;
 * first a failed "heap" step when the JVM's heap is too small to read large mails.
 */
final class ConnectionChecks {
    private ConnectionChecks() {
    }

    static List<Check> run(GuichetConfig config, Database database, Supplier<MailLogin> imapLogin,
            Supplier<MailLogin> smtpLogin) {
        return run(config, database, imapLogin, smtpLogin, List.of(), java.time.Clock.systemUTC());
    }

    /** With several mailboxes, each one's IMAP login (and its own SMTP server, if it has one) is a step. */
    static List<Check> run(GuichetConfig config, Database database, Supplier<MailLogin> imapLogin,
            Supplier<MailLogin> smtpLogin, List<WatchedMailbox> mailboxes, java.time.Clock clock) {
        Check heap = HeapCheck.ofThisJvm();
        List<Check> connections = mailboxes.size() > 1 ? several(config, database, smtpLogin, mailboxes, clock)
                : connections(config, database, imapLogin, smtpLogin);
        return heap.ok() ? connections
                : Stream.concat(Stream.of(heap), connections.stream()).toList();
    }

    private static List<Check> connections(GuichetConfig config, Database database, Supplier<MailLogin> imapLogin,
            Supplier<MailLogin> smtpLogin) {
        Check db = step("database", () -> {
            int pending = (int) database.migrations().stream().filter(m -> m.getState().isResolved()
                    && !m.getState().isApplied()).count();
            return database.safeUrl() + " answers; " + pending + " migration(s) to apply";
        });
        if (config.mail().demoServer()) {
            String demo = "the embedded demo server, started by `guichet run` on " + config.imap().host();
            return List.of(db, new Check("imap", true, demo + ":" + config.imap().port()),
                    new Check("smtp", true, demo + ":" + config.smtp().port()));
        }
        return List.of(db, step("imap", () -> ImapCheck.login(config.imap(), imapLogin.get())),
                step("smtp", () -> SmtpCheck.login(config.smtp(), smtpLogin.get())));
    }

    private static List<Check> several(GuichetConfig config, Database database, Supplier<MailLogin> smtpLogin,
            List<WatchedMailbox> mailboxes, java.time.Clock clock) {
        List<Check> checks = new java.util.ArrayList<>();
        checks.add(database(database));
        for (WatchedMailbox m : mailboxes) {
            String imap = "imap " + m.name();
            checks.add(config.mail().demoServer()
                    ? new Check(imap, true, "the embedded demo server, started by `guichet run` on "
                            + m.settings().imap().host() + ":" + m.settings().imap().port())
                    : step(imap, () -> ImapCheck.login(m.settings().imap(), m.login()) + " (for "
                            + m.settings().address() + ")"));
        }
        checks.add(config.mail().demoServer() ? new Check("smtp", true, "the embedded demo server on "
                + config.smtp().host() + ":" + config.smtp().port())
                : step("smtp", () -> SmtpCheck.login(config.smtp(), smtpLogin.get())));
        for (WatchedMailbox m : mailboxes) {
            m.settings().smtp().filter(own -> !config.mail().demoServer()).ifPresent(own -> checks.add(step(
                    "smtp " + m.name(), () -> SmtpCheck.login(own, OutboxDelivery.newLogin(own, clock)))));
        }
        return List.copyOf(checks);
    }

    private static Check database(Database database) {
        return step("database", () -> {
            int pending = (int) database.migrations().stream().filter(m -> m.getState().isResolved()
                    && !m.getState().isApplied()).count();
            return database.safeUrl() + " answers; " + pending + " migration(s) to apply";
        });
    }

    private static Check step(String name, Supplier<String> work) {
        try {
            return new Check(name, true, work.get());
        } catch (GuichetException e) {
            return new Check(name, false, e.getMessage());
        }
    }
}
