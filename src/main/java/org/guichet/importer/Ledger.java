package org.guichet.importer;

import org.guichet.intake.Disposition;
import org.guichet.intake.MailSource;

/** Reads in the database what handling one mail did, since the handler itself only says where the mail goes. */
public interface Ledger {
    /** Where the records stand before a mail is handled. */
    Mark mark();

    /** What the mail from that source did since the mark, given the handler's answer. */
    Outcome outcome(Mark before, MailSource source, Disposition disposition);

    /** The highest mail record and ticket numbers before a mail is handled. */
    record Mark(long mailId, long ticketId) {
    }
}
