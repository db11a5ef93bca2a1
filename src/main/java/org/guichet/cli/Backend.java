package org.guichet.cli;

import org.guichet.config.GuichetConfig;
import org.guichet.importer.Importer;
import org.guichet.store.Database;
import org.guichet.store.Outbox;
import org.guichet.store.TicketStatistics;
import org.guichet.ticket.TicketStore;

/** The services the commands call, built from one config file by the composition root. */
public interface Backend extends AutoCloseable {
    GuichetConfig config();

    Database database();

    TicketStore tickets();

    Outbox outbox();

    DaemonRunner daemon();

    /** The statistics of {@code guichet stats}, computed in the database. */
    default TicketStatistics statistics() {
        return new TicketStatistics(database());
    }

    /** The importer of {@code guichet import}; acknowledgements of the imported mails only if asked for. */
    Importer importer(boolean acknowledge);

    /** One delivery pass over the outbox; returns how many notifications were sent. */
    int deliverOutbox();

    @Override
    void close();
}
