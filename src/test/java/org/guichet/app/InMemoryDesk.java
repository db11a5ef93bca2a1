package org.guichet.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.guichet.config.ConfigLoader;
import org.guichet.intake.Disposition;
import org.guichet.intake.MailSource;
import org.guichet.intake.RawMail;
import org.guichet.ticket.TicketDetail;

/**
 * The helpdesk without a mail server: real parsing, routing and domain, over an in-memory H2 migrated by the
 * real Flyway migrations; mails are handed to the pipeline as intake would, and what would be sent is read
 * from the outbox.
 */
final class InMemoryDesk implements Desk, AutoCloseable {
    final Guichet guichet;
    private final Path dir;
    private long uid;

    /** {@code edit} changes the config text first, as {@link TestHelpdesk#start(Path, java.util.function.UnaryOperator)}. */
    InMemoryDesk(Path dir, java.util.function.UnaryOperator<String> edit) {
        this(dir, edit, Clock.systemUTC());
    }

    /** The same on a clock the test moves. */
    InMemoryDesk(Path dir, java.util.function.UnaryOperator<String> edit, Clock clock) {
        this(dir, edit, clock, "desk-" + UUID.randomUUID());
    }

    /**
     * A desk on this clock and this in-memory database: a second desk on the same database name is the same
     * helpdesk after a restart.
     */
    InMemoryDesk(Path dir, java.util.function.UnaryOperator<String> edit, Clock clock, String database) {
        this.dir = dir;
        String yaml = edit.apply(TestHelpdesk.yaml(false, 1, 1, dir)).replaceFirst("database-url: .*",
                "database-url: jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1");
        this.guichet = new Guichet(new ConfigLoader().load(yaml, "test.yml", name -> Optional.empty()),
                Path.of("config/guichet.yml"), clock);
        guichet.database().migrate();
    }

    @Override
    public void deliver(String raw) throws IOException {
        Path spool = Files.createDirectories(dir.resolve("messages").resolve("spool"));
        Path file = Files.createTempFile(spool, "mail-", ".eml");
        try {
            Files.write(file, raw.getBytes(StandardCharsets.UTF_8));
            Disposition d = guichet.mailProcessor().handle(new RawMail(file, Files.size(file),
                    new MailSource("INBOX", 1, ++uid)));
            if (d.action() != Disposition.Action.PROCESSED) {
                throw new IllegalStateException("the mail was not handled: " + d);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Override
    public TicketDetail detail(long id) {
        return guichet.tickets().inTransaction(tx -> tx.detail(id)).orElseThrow();
    }

    @Override
    public List<Sent> sent(String address) {
        return guichet.outbox().unsent().stream().map(e -> e.mail())
                .filter(m -> m.recipient().equalsIgnoreCase(address))
                .map(m -> new Sent(m.subject(), m.text(), m.replyTo().orElse(""))).toList();
    }

    @Override
    public void close() {
        guichet.close();
    }
}
