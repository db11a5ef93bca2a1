package org.guichet.cli;

import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import org.guichet.config.GuichetConfig;
import org.guichet.importer.Importer;
import org.guichet.parse.InboundMail;
import org.guichet.route.Preview;
import org.guichet.sla.ServiceLevels;
import org.guichet.ops.AttachmentExport;
import org.guichet.ops.Backups;
import org.guichet.ops.Health;
import org.guichet.ops.Retention;
import org.guichet.store.BlobStore;
import org.guichet.store.Database;
import org.guichet.store.Outbox;
import org.guichet.store.QuarantinedMail;
import org.guichet.store.TicketStatistics;
import org.guichet.ticket.Administration;
import org.guichet.ticket.TicketStore;

/** The services the commands call, built from one config file by the composition root. */
public interface Backend extends AutoCloseable {
    GuichetConfig config();

    /** The time of every command: the system clock, a fixed one in tests. */
    Clock clock();

    Database database();

    TicketStore tickets();

    Outbox outbox();

    DaemonRunner daemon();

    /** Reads a mail as the daemon would, keeping nothing: attachments are hashed, not stored. */
    InboundMail readMail(InputStream raw);

    /** How the daemon would handle this mail now, against the existing tickets, changing nothing. */
    Preview preview(InboundMail mail);

    /** The statistics of {@code guichet stats}, computed in the database. */
    default TicketStatistics statistics() {
        return new TicketStatistics(database());
    }

    /** The response-time promises measured: due times, late tickets, shares of targets met. */
    default ServiceLevels serviceLevels() {
        return new ServiceLevels(config().sla(), tickets(), clock());
    }

    /** The importer of {@code guichet import}; acknowledgements of the imported mails only if asked for. */
    Importer importer(boolean acknowledge);

    /** One delivery pass over the outbox; returns how many notifications were sent. */
    int deliverOutbox();

    /** The mails that could not be handled, oldest first. */
    List<QuarantinedMail> quarantined();

    /** Handles a quarantined mail again from its kept bytes; a failure leaves it quarantined with the new reason. */
    RetryOutcome retryQuarantined(long id);

    /** Logs into the database, IMAP and SMTP as the daemon would, one step each. */
    List<Check> checkConnections();

    /** The raw mails as received, by hash: {@code show N --raw M}. */
    BlobStore rawMailStore();

    /** Copies a ticket's attachments out of the store: {@code guichet attachment}. */
    AttachmentExport attachmentExport();

    /** {@code guichet backup}; {@code guichet restore} opens no backend: see {@link BackendFactory#restore}. */
    Backups backups();

    /** {@code guichet purge}: closed tickets deleted with their messages, events and files. */
    Retention retention();

    /** The checks of {@code guichet status}: database, IMAP and SMTP, and the figures the database holds. */
    Health health();

    /** What the daemon last saw of each mailbox, the first one first: {@code db info}. */
    List<org.guichet.store.MailboxStates.State> mailboxStates();

    /** The administrator's actions on tickets: {@code guichet assign}, {@code reply}, {@code reassign}... */
    Administration administration();

    @Override
    void close();
}
