package org.guichet.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Bound-parameter SQL on one connection: the only way this program talks to the database. */
final class Sql {
    private static final String DUPLICATE_KEY = "23505";
    private static final String LOCK_TIMEOUT = "HYT00";
    private final Connection connection;

    Sql(Connection connection) {
        this.connection = connection;
    }

    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    int update(String sql, Object... params) {
        try (PreparedStatement ps = prepare(sql, false, params)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    long insert(String sql, Object... params) {
        try (PreparedStatement ps = prepare(sql, true, params)) {
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /**
     * Inserts a row, or returns false when a unique key already holds one like it (SQLSTATE 23505 on H2 and
     * PostgreSQL); the transaction stays usable either way.
     */
    boolean insertUnlessDuplicate(String sql, Object... params) {
        Savepoint savepoint;
        try {
            savepoint = connection.setSavepoint();
        } catch (SQLException e) {
            throw failure(sql, e);
        }
        try (PreparedStatement ps = prepare(sql, false, params)) {
            ps.executeUpdate();
            connection.releaseSavepoint(savepoint);
            return true;
        } catch (SQLException e) {
            if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                throw failure(sql, e);
            }
            try {
                connection.rollback(savepoint);
            } catch (SQLException again) {
                throw failure(sql, again);
            }
            return false;
        }
    }

    <T> List<T> list(String sql, Row<T> row, Object... params) {
        try (PreparedStatement ps = prepare(sql, false, params); ResultSet rs = ps.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rs.next()) {
                result.add(row.map(rs));
            }
            return result;
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    <T> Optional<T> one(String sql, Row<T> row, Object... params) {
        List<T> rows = list(sql, row, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private PreparedStatement prepare(String sql, boolean keys, Object... params) throws SQLException {
        PreparedStatement ps = keys
                ? connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)
                : connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, bind(params[i]));
        }
        return ps;
    }

    private static Object bind(Object value) {
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Optional<?> optional) {
            return optional.map(Sql::bind).orElse(null);
        }
        return value;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(instant(rs, column));
    }

    /** H2's answer when a row lock was not granted in time (PostgreSQL waits without a limit by default). */
    static boolean isLockTimeout(StoreException e) {
        return e.getCause() instanceof SQLException s && LOCK_TIMEOUT.equals(s.getSQLState());
    }

    private static StoreException failure(String sql, SQLException e) {
        String statement = sql.strip().split("\\s+", 2)[0];
        return new StoreException("database statement " + statement + " failed: " + e.getMessage(), e);
    }
}
