package org.guichet.store;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.guichet.intake.WatchReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the daemon last saw of each mailbox, kept in the database so that {@code status} and {@code db info}, run
 * in another process, can show it: when it was last read, how many mails were waiting, and its fault while it
 * cannot be read. The last mail handled comes from the received mails themselves.
 */
public final class MailboxStates implements WatchReport {
    private static final Logger log = LoggerFactory.getLogger(MailboxStates.class);
    private static final int MAX_ERROR = 2000;
    private final Database database;
    private final Clock clock;

    public MailboxStates(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** One mailbox as last seen; every field empty for a mailbox never read. */
    public record State(String mailbox, Optional<Instant> lastMailHandled, Optional<Instant> readAt,
            OptionalInt waiting, Optional<String> error, Optional<Instant> failingSince) {
    }

    @Override
    public void read(String mailbox, int waiting) {
        write(mailbox, "UPDATE mailbox_status SET read_at = ?, backlog = ?, last_error = NULL, failing_since = NULL"
                + " WHERE mailbox = ?", clock.instant(), waiting);
    }

    @Override
    public void failed(String mailbox, String reason) {
        String bounded = reason.length() > MAX_ERROR ? reason.substring(0, MAX_ERROR) : reason;
        write(mailbox, "UPDATE mailbox_status SET last_error = ?, failing_since = COALESCE(failing_since, ?)"
                + " WHERE mailbox = ?", bounded, clock.instant());
    }

    /** {@code first} is the first mailbox, which also owns the mails of before mailboxes had names. */
    public State of(String mailbox, boolean first) {
        return database.inTransaction(c -> {
            Sql sql = new Sql(c);
            Optional<Instant> last = sql.one("SELECT MAX(handled_at) AS last_handled FROM inbound_mail WHERE (mailbox = ?"
                    + (first ? " OR mailbox IS NULL)" : ")"), rs -> Sql.optionalInstant(rs, "last_handled"), mailbox)
                    .flatMap(found -> found);
            return sql.one("SELECT * FROM mailbox_status WHERE mailbox = ?", rs -> {
                int backlog = rs.getInt("backlog");
                OptionalInt waiting = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(backlog);
                return new State(mailbox, last, Sql.optionalInstant(rs, "read_at"), waiting,
                        Optional.ofNullable(rs.getString("last_error")), Sql.optionalInstant(rs, "failing_since"));
            }, mailbox).orElse(new State(mailbox, last, Optional.empty(), OptionalInt.empty(), Optional.empty(),
                    Optional.empty()));
        });
    }

    /** Never throws: a database that is down loses a line of status, never a mail. */
    private void write(String mailbox, String update, Object first, Object second) {
        try {
            database.inTransaction(c -> {
                Sql sql = new Sql(c);
                if (sql.update(update, first, second, mailbox) == 0) {
                    sql.insertUnlessDuplicate("INSERT INTO mailbox_status (mailbox) VALUES (?)", mailbox);
                    sql.update(update, first, second, mailbox);
                }
                return null;
            });
        } catch (RuntimeException e) {
            log.debug("cannot record the state of mailbox {}: {}", mailbox, e.getMessage());
        }
    }
}
