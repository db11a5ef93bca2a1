package org.guichet.testdb;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.guichet.store.Database;

/**
 * The database the tests run on: H2 files by default, PostgreSQL when the build runs the suite a second time
 * with {@code -Dguichet.test.database=postgresql}. A test asks for the database of its temporary folder and gets
 * the same one each time it asks.
 */
public final class TestDatabase {
    private static final Map<Path, Location> BY_FOLDER = new ConcurrentHashMap<>();

    private TestDatabase() {
    }

    /** Where a database is and how to log in. */
    public record Location(String url, String user, String password) {
        public Database open() {
            return new Database(url, user, password);
        }

        /** The {@code storage} keys that name this database in a config file, indented for the section. */
        public String yaml(String indent) {
            if (!url.startsWith("jdbc:postgresql:")) {
                return indent + "database-url: " + url + "\n";
            }
            return indent + "database-url: " + url + "\n" + indent + "database-user: " + user + "\n" + indent
                    + "database-password: " + password + "\n";
        }
    }

    public static boolean postgresql() {
        return "postgresql".equals(System.getProperty("guichet.test.database", "h2"));
    }

    /** The database of this test folder: {@code dir/db/guichet} in H2, a database of its own in PostgreSQL. */
    public static Location of(Path dir) {
        return BY_FOLDER.computeIfAbsent(dir.toAbsolutePath(), d -> postgresql()
                ? new Location(PostgresServer.shared().createDatabase("t"), PostgresServer.USER, PostgresServer.PASSWORD)
                : new Location("jdbc:h2:file:" + d.resolve("db").resolve("guichet").toString().replace('\\', '/'),
                        "sa", ""));
    }

    /** A new PostgreSQL database, whichever database the suite runs on: for the tests of several instances. */
    public static Location newPostgres(String name) {
        return new Location(PostgresServer.shared().createDatabase(name), PostgresServer.USER, PostgresServer.PASSWORD);
    }
}
