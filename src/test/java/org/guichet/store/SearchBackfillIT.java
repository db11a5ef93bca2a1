package org.guichet.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.guichet.ticket.TicketFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database from before the search columns: the V71 migration folds its tickets, so that --search finds them. */
class SearchBackfillIT {
    @TempDir
    Path dir;

    @Test
    void ticketsWrittenBeforeTheSearchColumnsAreFoundAfterTheMigration() {
        String url = "jdbc:h2:file:" + dir.resolve("guichet");
        try (Database database = new Database(url)) {
            // the schema as version 6 left it, opened as the program opens it (loopback, generated password)
            Flyway.configure().dataSource(database.dataSource())
                    .locations("classpath:db/migration", "classpath:db/vendor/h2").target("6").load().migrate();
            database.inTransaction(c -> {
                Sql sql = new Sql(c);
                sql.update("INSERT INTO ticket (id, subject, requester_address, requester_name, category, service,"
                        + " priority, status, created_at, updated_at) VALUES (7, 'Écran noir', 'jane@example.org', 'Jane',"
                        + " 'Hardware', 'it', 'normal', 'new', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
                sql.update("INSERT INTO message (ticket_id, direction, author_address, author_name, sent_at, subject,"
                        + " body_text) VALUES (7, 'in', 'jane@example.org', 'Jane', CURRENT_TIMESTAMP, 'Écran noir',"
                        + " 'Depuis la mise à jour, l''ÉCRAN reste noir au démarrage.')");
                return null;
            });

            assertThat(database.migrate()).isGreaterThanOrEqualTo(2);

            assertThat(search(database, "ecran")).containsExactly(7L);
            assertThat(search(database, "demarrage mise")).containsExactly(7L);
            assertThat(search(database, "imprimante")).isEmpty();
        }
    }

    private static List<Long> search(Database database, String words) {
        TicketFilter filter = new TicketFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), SearchText.words(words));
        return new JdbcTicketStore(database).inTransaction(tx -> tx.list(filter)).stream()
                .map(s -> s.ticket().id()).toList();
    }
}
