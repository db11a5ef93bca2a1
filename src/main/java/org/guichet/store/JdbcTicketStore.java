package org.guichet.store;

import java.util.function.Function;
import org.guichet.ticket.TicketStore;
import org.guichet.ticket.TicketTx;

/** The tickets kept in the database. */
public final class JdbcTicketStore implements TicketStore {
    private final Database database;

    public JdbcTicketStore(Database database) {
        this.database = database;
    }

    @Override
    public <T> T inTransaction(Function<TicketTx, T> work) {
        return database.inTransaction(connection -> work.apply(new JdbcTicketTx(new Sql(connection))));
    }
}
