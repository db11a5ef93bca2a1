package org.guichet.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.guichet.testdb.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cheap start-up check: Flyway is skipped only when every migration of the build is applied. */
class MigrationIndexIT {
    @TempDir
    Path dir;

    @Test
    void aNewDatabaseIsMigratedAndThenLeftAlone() {
        try (Database database = TestDatabase.of(dir).open()) {
            MigrationIndex index = index(database);
            assertThat(index.upToDate(database.dataSource())).as("no schema history yet").isFalse();

            int applied = database.migrateIfBehind();

            assertThat(index.versionsOnClasspath().orElseThrow()).as("SQL files and a Java migration").contains("1", "71");
            assertThat(applied).isEqualTo(index.versionsOnClasspath().orElseThrow().size());
            assertThat(index.upToDate(database.dataSource())).isTrue();
            assertThat(database.migrateIfBehind()).isZero();
        }
    }

    @Test
    void aMigrationOfANewerBuildIsPending() {
        try (Database database = TestDatabase.of(dir).open()) {
            database.migrate();
            MigrationIndex newer = new MigrationIndex(List.of("db/migration", vendorFolder(database),
                    "db/not-yet-applied"));

            assertThat(newer.versionsOnClasspath().orElseThrow()).contains("9999");
            assertThat(newer.upToDate(database.dataSource())).isFalse();
        }
    }

    @Test
    void versionsAreReadAsFlywayReadsThem() {
        assertThat(MigrationIndex.normal("120")).isEqualTo("120");
        assertThat(MigrationIndex.normal("1_2")).isEqualTo("1.2");
        assertThat(MigrationIndex.normal("1.2.0")).isEqualTo("1.2");
        assertThat(MigrationIndex.normal("007")).isEqualTo("7");
        assertThat(MigrationIndex.normal("0")).isEqualTo("0");
    }

    private static MigrationIndex index(Database database) {
        return new MigrationIndex(List.of("db/migration", vendorFolder(database)));
    }

    private static String vendorFolder(Database database) {
        return database.vendor().migrations();
    }
}
