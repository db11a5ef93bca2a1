package org.guichet.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Leases held in the database, for jobs that one instance at a time may do. Time is the database's own, so
 * instances on machines whose clocks differ still agree on when a lease expired.
 */
public final class Leases {
    private final Database database;

    public Leases(Database database) {
        this.database = database;
    }

    /**
     * Takes the lease, or renews it when {@code holder} has it already, until the database's now plus {@code ttl};
     * false while another holder's lease runs.
     */
    public boolean hold(String name, String holder, Duration ttl) {
        boolean held = database.inTransaction(c -> {
            Sql sql = new Sql(c);
            Instant now = now(sql);
            return sql.update("UPDATE lease SET acquired_at = CASE WHEN holder = ? THEN acquired_at ELSE ? END,"
                    + " holder = ?, renewed_at = ?, expires_at = ? WHERE name = ? AND (holder = ? OR expires_at <= ?)",
                    holder, now, holder, now, now.plus(ttl), name, holder, now) == 1;
        });
        if (held) {
            return true;
        }
        try {
            return database.inTransaction(c -> {
                Sql sql = new Sql(c);
                if (sql.one("SELECT 1 FROM lease WHERE name = ?", rs -> true, name).isPresent()) {
                    return false;
                }
                Instant now = now(sql);
                sql.update("INSERT INTO lease (name, holder, acquired_at, renewed_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                        name, holder, now, now, now.plus(ttl));
                return true;
            });
        } catch (StoreException e) {
            return false; // another instance inserted it first: its lease runs
        }
    }

    /**
     * Takes the lease from {@code from}, whatever its expiry, when {@code from} holds it still: for a holder known to
     * be gone. False when the lease has passed to anyone else meanwhile.
     */
    public boolean takeFrom(String name, String from, String holder, Duration ttl) {
        return database.inTransaction(c -> {
            Sql sql = new Sql(c);
            Instant now = now(sql);
            return sql.update("UPDATE lease SET holder = ?, acquired_at = ?, renewed_at = ?, expires_at = ?"
                    + " WHERE name = ? AND holder = ?", holder, now, now, now.plus(ttl), name, from) == 1;
        });
    }

    /** Gives the leases up at once, on a clean stop, so that another instance need not wait for them to expire. */
    public void release(String holder, String... names) {
        database.inTransaction(c -> {
            Sql sql = new Sql(c);
            for (String name : names) {
                sql.update("DELETE FROM lease WHERE name = ? AND holder = ?", name, holder);
            }
            return null;
        });
    }

    public Optional<Lease> find(String name) {
        return database.inTransaction(c -> new Sql(c).one("SELECT * FROM lease WHERE name = ?", Leases::lease, name));
    }

    public List<Lease> all() {
        return database.inTransaction(c -> new Sql(c).list("SELECT * FROM lease ORDER BY name", Leases::lease));
    }

    /** The database's clock. */
    public Instant now() {
        return database.inTransaction(c -> now(new Sql(c)));
    }

    private static Instant now(Sql sql) {
        return sql.one("SELECT CURRENT_TIMESTAMP AS now", rs -> Sql.instant(rs, "now")).orElseThrow();
    }

    private static Lease lease(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Lease(rs.getString("name"), rs.getString("holder"), Sql.instant(rs, "acquired_at"),
                Sql.instant(rs, "renewed_at"), Sql.instant(rs, "expires_at"));
    }
}
