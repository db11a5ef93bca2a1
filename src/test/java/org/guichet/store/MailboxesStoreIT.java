package org.guichet.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.guichet.testdb.TestDatabase;
import org.guichet.ticket.MailOrigin;
import org.guichet.ticket.MailRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database side of several mailboxes, on H2 and PostgreSQL: the copies of one mail recorded at the same moment
 * by two intakes make one record, and a database from before mailboxes keeps its tickets and its memory.
 */
class MailboxesStoreIT {
    @TempDir
    Path dir;

    @Test
    void copiesOfOneMailRecordedAtOnceByTwoMailboxesMakeOneRecord() throws Exception {
        try (Database database = TestDatabase.of(dir).open()) {
            database.migrate();
            JdbcTicketStore store = new JdbcTicketStore(database);
            ExecutorService two = Executors.newFixedThreadPool(2);
            try {
                for (int i = 0; i < 30; i++) {
                    String key = "<copy-" + i + "@example.org>";
                    CyclicBarrier together = new CyclicBarrier(2);
                    List<CompletableFuture<MailRecord>> copies = new ArrayList<>();
                    for (String mailbox : List.of("support", "rh")) {
                        copies.add(CompletableFuture.supplyAsync(() -> {
                            await(together);
                            return store.inTransaction(tx -> tx.recordAttempt(key, "0".repeat(64), 10,
                                    new MailOrigin(mailbox, "INBOX", 1, 1), Instant.now()));
                        }, two));
                    }
                    MailRecord first = copies.get(0).get(30, TimeUnit.SECONDS);
                    MailRecord second = copies.get(1).get(30, TimeUnit.SECONDS);
                    assertThat(second.id()).as("one record for %s", key).isEqualTo(first.id());
                    MailRecord now = store.inTransaction(tx -> tx.mail(key)).orElseThrow();
                    assertThat(now.attempts()).as("both copies counted").isEqualTo(2);
                    assertThat(now.mailbox()).hasValueSatisfying(m -> assertThat(m).isIn("support", "rh"));
                }
            } finally {
                two.shutdownNow();
            }
        }
    }

    @Test
    void aDatabaseFromBeforeMailboxesKeepsItsTicketsOnTheFirstMailboxAndItsUidValidity() {
        try (Database database = TestDatabase.of(dir).open()) {
            Flyway.configure().dataSource(database.dataSource())
                    .locations("classpath:db/migration", "classpath:db/vendor/"
                            + database.vendor().name().toLowerCase(java.util.Locale.ROOT))
                    .target("90").load().migrate();
            database.inTransaction(c -> {
                Sql sql = new Sql(c);
                sql.update("INSERT INTO ticket (id, subject, requester_address, requester_name, category, service,"
                        + " priority, status, created_at, updated_at) VALUES (7, 'Old one', 'jane@example.org', 'Jane',"
                        + " 'Unsorted', 'it', 'normal', 'new', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
                sql.update("INSERT INTO mailbox_state (folder, uid_validity, seen_at) VALUES ('INBOX', 42,"
                        + " CURRENT_TIMESTAMP)");
                return null;
            });

            assertThat(database.migrate()).isGreaterThanOrEqualTo(1);

            assertThat(new JdbcTicketStore(database).inTransaction(tx -> tx.ticket(7)).orElseThrow().mailbox())
                    .as("no mailbox: the first one of the config").isEqualTo(Optional.empty());
            MailLog memory = new MailLog(database, java.time.Clock.systemUTC());
            assertThat(memory.of("default").lastUidValidity("INBOX")).hasValue(42);
            assertThat(memory.of("rh").lastUidValidity("INBOX")).isEmpty();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
