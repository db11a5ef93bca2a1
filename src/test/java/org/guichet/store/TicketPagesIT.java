package org.guichet.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.guichet.parse.MailAddress;
import org.guichet.route.Priority;
import org.guichet.testdb.TestDatabase;
import org.guichet.ticket.NewTicket;
import org.guichet.ticket.TicketEvent;
import org.guichet.ticket.TicketTx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walk over every ticket that the service-level report makes, on H2 and PostgreSQL: page after page, each
 * ticket comes once, in id order, with its own observers and its own event log, and {@code since} leaves out the
 * older tickets.
 */
class TicketPagesIT {
    private static final Instant DAY = Instant.parse("2026-11-02T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void pagesGiveEachTicketOnceWithItsObserversAndItsLog() {
        try (Database database = TestDatabase.of(dir).open()) {
            database.migrate();
            JdbcTicketStore store = new JdbcTicketStore(database);
            store.inTransaction(tx -> {
                for (int i = 0; i < 5; i++) {
                    long id = tx.insertTicket(new NewTicket("Request " + i, MailAddress.of("req" + i + "@example.org"),
                            "IT", Optional.empty(), "it", Priority.NORMAL, DAY.plusSeconds(3600L * i),
                            Optional.empty()));
                    tx.insertEvent(id, TicketEvent.of(DAY, "system", "created", "ticket " + i));
                    if (i % 2 == 1) {
                        tx.insertEvent(id, TicketEvent.of(DAY, "system", "note", "second of " + i));
                        tx.save(tx.ticket(id).orElseThrow().withObservers(List.of("obs" + i + "@example.org"), DAY));
                    }
                }
                return null;
            });

            List<TicketTx.Logged> all = walk(store, Optional.empty());
            assertThat(all).extracting(l -> l.ticket().subject())
                    .containsExactly("Request 0", "Request 1", "Request 2", "Request 3", "Request 4");
            assertThat(all).extracting(l -> l.ticket().observers()).containsExactly(List.of(),
                    List.of("obs1@example.org"), List.of(), List.of("obs3@example.org"), List.of());
            assertThat(all).extracting(l -> l.events().size()).containsExactly(1, 2, 1, 2, 1);
            assertThat(all.get(3).events()).extracting(TicketEvent::detail)
                    .containsExactly("ticket 3", "second of 3");

            assertThat(walk(store, Optional.of(DAY.plusSeconds(3600L * 3)))).extracting(l -> l.ticket().subject())
                    .containsExactly("Request 3", "Request 4");
        }
    }

    /** Every ticket, two a page, as the report walks them. */
    private static List<TicketTx.Logged> walk(JdbcTicketStore store, Optional<Instant> since) {
        return store.inTransaction(tx -> {
            List<TicketTx.Logged> all = new ArrayList<>();
            long after = 0;
            for (List<TicketTx.Logged> page = tx.ticketsWithEvents(after, since, 2); !page.isEmpty();
                    page = tx.ticketsWithEvents(after, since, 2)) {
                assertThat(page).hasSizeLessThanOrEqualTo(2);
                all.addAll(page);
                after = page.get(page.size() - 1).ticket().id();
            }
            return all;
        });
    }
}
