package org.guichet.ticket;

import java.util.function.Function;

/** The tickets' storage, reached only inside a transaction. */
public interface TicketStore {
    /** Runs work in one transaction: all of it is committed, or none of it. */
    <T> T inTransaction(Function<TicketTx, T> work);
}
