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

/** The connection steps of {@code config check}: the database, then IMAP and SMTP as the daemon uses them. */
final class ConnectionChecks {
    private ConnectionChecks() {
    }

    static List<Check> run(GuichetConfig config, Database database, Supplier<MailLogin> imapLogin,
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
