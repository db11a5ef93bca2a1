package org.guichet.store;

import org.guichet.importer.Ledger;
import org.guichet.importer.Outcome;
import org.guichet.intake.Disposition;
import org.guichet.intake.MailSource;

/**
 * What became of an imported mail, read from the mail records: a mail handled before leaves no new record
 * (a duplicate); a new record names the ticket the mail went to, a new one if it is above the mark.
 */
public final class ImportLedger implements Ledger {
    private final Database database;

    public ImportLedger(Database database) {
        this.database = database;
    }

    @Override
    public Mark mark() {
        return database.inTransaction(c -> new Sql(c).one("SELECT (SELECT COALESCE(MAX(id), 0) FROM inbound_mail),"
                + " (SELECT COALESCE(MAX(id), 0) FROM ticket)", rs -> new Mark(rs.getLong(1), rs.getLong(2))))
                .orElseThrow();
    }

    @Override
    public Outcome outcome(Mark before, MailSource source, Disposition disposition) {
        if (disposition.action() == Disposition.Action.QUARANTINE) {
            return Outcome.QUARANTINED;
        }
        if (disposition.action() != Disposition.Action.PROCESSED) {
            return Outcome.FAILED;
        }
        // the records are read from the mark on, by primary key, so that each look-up stays short
        return database.inTransaction(c -> new Sql(c).one("SELECT ticket_id FROM inbound_mail WHERE id > ?"
                + " AND folder = ? AND uid_validity = ? AND uid = ? AND status = 'handled' ORDER BY id DESC LIMIT 1",
                rs -> {
                    long ticket = rs.getLong(1);
                    if (rs.wasNull()) {
                        return Outcome.NO_TICKET;
                    }
                    return ticket > before.ticketId() ? Outcome.NEW_TICKET : Outcome.FOLLOW_UP;
                }, before.mailId(), source.folder(), source.uidValidity(), source.uid()))
                .orElse(Outcome.DUPLICATE);
    }
}
