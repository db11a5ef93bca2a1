package org.guichet.app;

import java.util.List;
import java.util.function.Supplier;
import org.guichet.GuichetException;
import org.guichet.cli.Check;
import org.guichet.config.GuichetConfig;
import org.guichet.connect.MailLogin;
import org.guichet.intake.ImapCheck;
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
        Check heap = HeapCheck.ofThisJvm();
        List<Check> connections = connections(config, database, imapLogin, smtpLogin);
        return heap.ok() ? connections
                : java.util.stream.Stream.concat(java.util.stream.Stream.of(heap), connections.stream()).toList();
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

    private static Check step(String name, Supplier<String> work) {
        try {
            return new Check(name, true, work.get());
        } catch (GuichetException e) {
            return new Check(name, false, e.getMessage());
        }
    }
}
