package org.guichet.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcConnectionPool;

/** The database: a small connection pool, Flyway migrations and transactions. */
public final class Database implements AutoCloseable {
    static {
        // before any H2 class loads: H2 reads its bind address once (see H2Access)
        H2Access.bindServersToLoopback();
    }

    private final String url;
    private final JdbcConnectionPool pool;

    public Database(String configuredUrl) {
        this.url = durable(withAutoServer(Objects.requireNonNull(configuredUrl)));
        H2Access.requireLoopback(url);
        H2Access.Credentials credentials = H2Access.credentials(url);
        this.pool = JdbcConnectionPool.create(url, credentials.user(), credentials.password());
        pool.setMaxConnections(8);
    }

    /**
     * A file database is opened with AUTO_SERVER so that the CLI, in a second terminal, can read it
     * while the daemon holds it.
     */
    static String withAutoServer(String url) {
        boolean fileDb = url.startsWith("jdbc:h2:file:") || (url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:")
                && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:"));
        if (!fileDb || url.toUpperCase(java.util.Locale.ROOT).contains("AUTO_SERVER=")) {
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
        if (!h2File || url.toUpperCase(java.util.Locale.ROOT).contains("WRITE_DELAY=")) {
            return url;
        }
        return url + ";WRITE_DELAY=0";
    }

    public String url() {
        return url;
    }

    public DataSource dataSource() {
        return pool;
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

    /** Every migration known, applied or pending. */
    public List<MigrationInfo> migrations() {
        try {
            return List.of(flyway().info().all());
        } catch (RuntimeException e) {
            throw new StoreException("cannot read the migrations of " + safeUrl() + ": " + e.getMessage(), e);
        }
    }

    private Flyway flyway() {
        return Flyway.configure().dataSource(pool).locations("classpath:db/migration").load();
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

    /** The URL without parameters, for messages. */
    public String safeUrl() {
        int semicolon = url.indexOf(';');
        return semicolon < 0 ? url : url.substring(0, semicolon);
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
