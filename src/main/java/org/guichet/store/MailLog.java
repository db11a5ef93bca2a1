package org.guichet.store;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.guichet.intake.MailboxMemory;

/** The received mails as intake and the {@code quarantine} command see them, outside any ticket work. */
public final class MailLog implements MailboxMemory {
    private final Database database;
    private final Clock clock;

    public MailLog(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public OptionalLong lastUidValidity(String folder) {
        return database.inTransaction(c -> new Sql(c).one("SELECT uid_validity FROM mailbox_state WHERE folder = ?",
                rs -> rs.getLong(1), folder)).map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    @Override
    public void rememberUidValidity(String folder, long uidValidity) {
        Instant now = clock.instant();
        database.inTransaction(c -> {
            Sql sql = new Sql(c);
            if (sql.update("UPDATE mailbox_state SET uid_validity = ?, seen_at = ? WHERE folder = ?", uidValidity, now,
                    folder) == 0) {
                sql.update("INSERT INTO mailbox_state (folder, uid_validity, seen_at) VALUES (?, ?, ?)", folder,
                        uidValidity, now);
            }
            return null;
        });
    }

    public List<QuarantinedMail> quarantined() {
        return database.inTransaction(c -> new MailRows(new Sql(c)).quarantined());
    }

    public Optional<QuarantinedMail> quarantined(long id) {
        return database.inTransaction(c -> new MailRows(new Sql(c)).quarantined(id));
    }

    public void resetAttempts(long id) {
        database.inTransaction(c -> {
            new MailRows(new Sql(c)).resetAttempts(id);
            return null;
        });
    }
}
