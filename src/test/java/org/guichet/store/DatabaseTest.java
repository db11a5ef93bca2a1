package org.guichet.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseTest {
    @Test
    void aFileDatabaseIsSharedWithASecondProcess() {
        assertThat(Database.withAutoServer("jdbc:h2:file:./data/guichet"))
                .isEqualTo("jdbc:h2:file:./data/guichet;AUTO_SERVER=TRUE");
        assertThat(Database.withAutoServer("jdbc:h2:./data/guichet;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:./data/guichet;MODE=PostgreSQL;AUTO_SERVER=TRUE");
    }

    @Test
    void aCommitIsWrittenToTheFileBeforeItReturns() {
        assertThat(Database.durable("jdbc:h2:file:./data/guichet;AUTO_SERVER=TRUE"))
                .isEqualTo("jdbc:h2:file:./data/guichet;AUTO_SERVER=TRUE;WRITE_DELAY=0");
        assertThat(Database.durable("jdbc:h2:mem:test")).isEqualTo("jdbc:h2:mem:test");
        assertThat(Database.durable("jdbc:h2:file:./x;write_delay=100")).isEqualTo("jdbc:h2:file:./x;write_delay=100");
    }

    @Test
    void otherDatabasesAndExplicitChoicesAreLeftAlone() {
        assertThat(Database.withAutoServer("jdbc:h2:mem:test")).isEqualTo("jdbc:h2:mem:test");
        assertThat(Database.withAutoServer("jdbc:h2:tcp://db/guichet")).isEqualTo("jdbc:h2:tcp://db/guichet");
        assertThat(Database.withAutoServer("jdbc:h2:file:./x;auto_server=false")).isEqualTo("jdbc:h2:file:./x;auto_server=false");
        assertThat(Database.withAutoServer("jdbc:postgresql://db/guichet")).isEqualTo("jdbc:postgresql://db/guichet");
    }
}
