package org.guichet.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/** The database, H2 or PostgreSQL: a connection pool (HikariCP), Flyway migrations and transactions. */
public final class Database implements AutoCloseable {
    static {
        // before any H2 class loads: H2 reads its bind address once (see H2Access)
        H2Access.bindServersToLoopback();
    }

    private static final String SHARED_MIGRATIONS = "db/migration";
    private static final int POOL_SIZE = 8;
    private static final int STATEMENT_CACHE = 256;
    // How long a caller waits for a connection when the database is unreachable, before its work fails and is
    // retried. Not less: H2 reopening its file after a crash waits for the dead process's file lock to age.
    private static final long CONNECT_TIMEOUT_MS = 15_000;
    private final String url;
    private final Vendor vendor;
    private final HikariDataSource pool;

    /** An H2 database, as the default config and the tests open it. */
    public Database(String configuredUrl) {
        this(configuredUrl, "sa", "");
    }

    /**
     * A database opened with these credentials when it is PostgreSQL (storage.database-user/-password); an H2
     * database ignores them and opens with its own generated password (see H2Access).
     */
    public Database(String configuredUrl, String user, String password) {
        this.vendor = Vendor.of(Objects.requireNonNull(configuredUrl));
        this.url = vendor == Vendor.H2 ? statementCache(durable(withAutoServer(configuredUrl))) : configuredUrl;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(POOL_SIZE);
        // no idle connections kept: an H2 file database is closed, and its lock released, with its last connection
        config.setMinimumIdle(0);
        config.setConnectionTimeout(CONNECT_TIMEOUT_MS);
        // the pool opens its first connection when asked, so that a command reports an unreachable database itself
        config.setInitializationFailTimeout(-1);
        config.setPoolName("guichet");
        if (vendor == Vendor.H2) {
            H2Access.requireLoopback(url);
            this.pool = h2Pool(config, url);
        } else {
            config.setUsername(user);
            config.setPassword(password);
            this.pool = new HikariDataSource(config);
        }
    }

    /**
     * The pool of an H2 database, which is opened here, once: the connection that checks its password holds it
     * open until the pool has a connection of its own (the first one the pool would otherwise open when asked).
     */
    private static HikariDataSource h2Pool(HikariConfig config, String url) {
        try (H2Access.Opened opened = H2Access.open(url)) {
            config.setUsername(opened.credentials().user());
            config.setPassword(opened.credentials().password());
            HikariDataSource pool = new HikariDataSource(config);
            if (opened.checked().isPresent()) {
                try {
                    pool.getConnection().close(); // back to the pool, which keeps it, and the database open
                } catch (SQLException e) {
                    pool.close();
                    throw new StoreException("cannot open the database " + url.split("[;?]", 2)[0] + ": "
                            + e.getMessage(), e);
                }
            }
            return pool;
        }
    }

    /** The databases Guichet runs on; the migrations that must differ live in a folder of each. */
    public enum Vendor {
        H2("h2"), POSTGRESQL("postgresql");

        private final String folder;

        Vendor(String folder) {
            this.folder = folder;
        }

        static Vendor of(String url) {
            if (url.startsWith("jdbc:h2:")) {
                return H2;
            }
            if (url.startsWith("jdbc:postgresql:")) {
                return POSTGRESQL;
            }
            throw new StoreException("database URL " + url.split("[;?]", 2)[0]
                    + " is neither H2 (jdbc:h2:...) nor PostgreSQL (jdbc:postgresql://...): set storage.database-url");
        }

        /** The resource folder of this vendor's own migrations. */
        String migrations() {
            return "db/vendor/" + folder;
        }
    }

    /**
     * A file database is opened with AUTO_SERVER so that the CLI, in a second terminal, can read it
     * while the daemon holds it.
     */
    static String withAutoServer(String url) {
        boolean fileDb = url.startsWith("jdbc:h2:file:") || (url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:")
                && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:"));
        if (!fileDb || url.toUpperCase(Locale.ROOT).contains("AUTO_SERVER=")) {
            return url;
        }
        return url + ";AUTO_SERVER=TRUE";
    }

    /**
     * H2 writes a commit to its file up to half a second later by default: a process killed meanwhile loses
     * it, after the mail it recorded was moved to Processed. WRITE_DELAY=0 writes each commit before it returns.
     */
    static String durable(String url) {
        boolean h2File = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
        if (!h2File || url.toUpperCase(Locale.ROOT).contains("WRITE_DELAY=")) {
            return url;
        }
        return url + ";WRITE_DELAY=0";
    }

    /**
     * H2 keeps the last 8 parsed statements of a connection by default; intake runs a few dozen distinct ones per mail,
     * and parsing them again was a seventh of its time. A larger cache makes a prepared statement's reuse free.
     */
    static String statementCache(String url) {
        if (url.toUpperCase(Locale.ROOT).contains("QUERY_CACHE_SIZE=")) {
            return url;
        }
        return url + ";QUERY_CACHE_SIZE=" + STATEMENT_CACHE;
    }

    public String url() {
        return url;
    }

    public Vendor vendor() {
        return vendor;
    }

    public DataSource dataSource() {
        return pool;
    }

    /** The server's own name and version, for {@code db info}. */
    public String product() {
        try (Connection c = pool.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        } catch (SQLException e) {
            throw new StoreException("cannot reach the database " + safeUrl() + ": " + e.getMessage(), e);
        }
    }

    /** Applies the pending migrations; returns how many were applied. */
    public int migrate() {
        try {
            MigrateResult result = flyway().migrate();
            return result.migrationsExecuted;
        } catch (RuntimeException e) {
            throw new StoreException("cannot migrate the database " + safeUrl() + ": " + e.getMessage(), e);
        }
    }

    /**
     * What a start needs: the pending migrations applied, as {@link #migrate()} does, but without starting Flyway
     * when the schema history already holds every migration of this build (one query; see MigrationIndex).
     * Returns how many were applied.
     */
    public int migrateIfBehind() {
        if (new MigrationIndex(List.of(SHARED_MIGRATIONS, vendor.migrations())).upToDate(pool)) {
            return 0;
        }
        return migrate();
    }

    /** Every migration known, applied or pending. */
    public List<MigrationInfo> migrations() {
        try {
            return List.of(flyway().info().all());
        } catch (RuntimeException e) {
            throw new StoreException("cannot read the migrations of " + safeUrl() + ": " + e.getMessage(), e);
        }
    }

    /** The migrations both databases share, then the few whose SQL must differ (CLOB, date arithmetic). */
    private Flyway flyway() {
        return Flyway.configure().dataSource(pool)
                .locations("classpath:" + SHARED_MIGRATIONS, "classpath:" + vendor.migrations()).load();
    }

    /** Runs work in one transaction: committed if it returns, rolled back if it throws. */
    public <T> T inTransaction(Function<Connection, T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("database " + safeUrl() + " failed: " + e.getMessage(), e);
        }
    }

    /** The URL without parameters (nor a password given in them), for messages. */
    public String safeUrl() {
        return url.split("[;?]", 2)[0];
    }

    @Override
    public void close() {
        pool.close();
    }
}
