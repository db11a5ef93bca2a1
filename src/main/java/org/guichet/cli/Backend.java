package org.guichet.cli;

import org.guichet.config.GuichetConfig;
import org.guichet.store.Database;
import org.guichet.store.Outbox;
import org.guichet.ticket.TicketStore;

/** The services the commands call, built from one config file by the composition root. */
public interface Backend extends AutoCloseable {
    GuichetConfig config();

    Database database();

    TicketStore tickets();

    Outbox outbox();

    DaemonRunner daemon();

    /** One delivery pass over the outbox; returns how many notifications were sent. */
    int deliverOutbox();

    @Override
    void close();
}
