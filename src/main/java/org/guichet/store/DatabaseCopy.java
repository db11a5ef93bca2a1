package org.guichet.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code guichet db copy}: every row of every table, from the configured database to an empty one (H2 to
 * PostgreSQL, typically), keeping the ticket numbers; then the counts of both sides, which must agree.
 */
public final class DatabaseCopy {
    /** Tables that belong to the running instances or to Flyway, not to the helpdesk's data. */
    private static final Set<String> SKIPPED = Set.of("flyway_schema_history", "lease");
    /** Tables a fresh migration fills already: their rows are replaced by the source's. */
    private static final Set<String> SEEDED = Set.of("ticket_number");
    private static final int BATCH = 500;

    /** How many rows a table has on each side after the copy. */
    public record Count(String table, long source, long target) {
        public boolean agrees() {
            return source == target;
        }
    }

    private DatabaseCopy() {
    }

    /** Copies {@code from} into {@code to}, which is migrated first and must hold no data. */
    public static List<Count> copy(Database from, Database to) {
        if (from.migrations().stream().anyMatch(m -> !m.getState().isApplied())) {
            throw new StoreException("the database " + from.safeUrl() + " has pending migrations: run guichet db"
                    + " migrate first, then copy");
        }
        to.migrate();
        try (Connection source = from.dataSource().getConnection(); Connection target = to.dataSource().getConnection()) {
            List<String> tables = tablesInOrder(source);
            refuseData(target, tables, to.safeUrl());
            target.setAutoCommit(false);
            source.setAutoCommit(false); // PostgreSQL streams a result with a fetch size only inside a transaction
            for (String table : tables) {
                if (SEEDED.contains(table)) {
                    update(target, "DELETE FROM " + table);
                }
                copyTable(source, target, table);
            }
            restartIdentities(target, tables, to.vendor());
            target.commit();
            source.commit();
            List<Count> counts = new ArrayList<>();
            for (String table : tables) {
                counts.add(new Count(table, count(source, table), count(target, table)));
            }
            return counts;
        } catch (SQLException e) {
            throw new StoreException("copy from " + from.safeUrl() + " to " + to.safeUrl() + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** The helpdesk's tables, each after the tables its foreign keys point to. */
    static List<String> tablesInOrder(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String schema = c.getSchema();
        Map<String, Set<String>> dependsOn = new LinkedHashMap<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!SKIPPED.contains(table)) {
                    dependsOn.put(table, new LinkedHashSet<>());
                }
            }
        }
        for (Map.Entry<String, Set<String>> e : dependsOn.entrySet()) {
            try (ResultSet rs = meta.getImportedKeys(null, schema, name(meta, e.getKey()))) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!parent.equals(e.getKey())) {
                        e.getValue().add(parent);
                    }
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < dependsOn.size()) {
            int before = ordered.size();
            dependsOn.forEach((table, parents) -> {
                if (!ordered.contains(table) && ordered.containsAll(parents)) {
                    ordered.add(table);
                }
            });
            if (ordered.size() == before) {
                throw new SQLException("the foreign keys between " + dependsOn.keySet() + " form a cycle");
            }
        }
        return ordered;
    }

    /** Metadata wants the name as the database stores it: upper case in H2, lower case in PostgreSQL. */
    private static String name(DatabaseMetaData meta, String table) throws SQLException {
        return meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
    }

    private static void refuseData(Connection target, List<String> tables, String url) throws SQLException {
        for (String table : tables) {
            if (!SEEDED.contains(table) && count(target, table) > 0) {
                throw new StoreException("the target database " + url + " is not empty: its table " + table
                        + " has rows; copy into a new, empty database");
            }
        }
    }

    private static void copyTable(Connection source, Connection target, String table) throws SQLException {
        List<String> columns = insertableColumns(target, table);
        String list = String.join(", ", columns);
        String marks = String.join(", ", columns.stream().map(c -> "?").toList());
        try (Statement read = source.createStatement();
             PreparedStatement write = target.prepareStatement("INSERT INTO " + table + " (" + list + ") VALUES ("
                     + marks + ")")) {
            read.setFetchSize(BATCH);
            try (ResultSet rs = read.executeQuery("SELECT " + list + " FROM " + table)) {
                ResultSetMetaData types = rs.getMetaData();
                int pending = 0;
                while (rs.next()) {
                    for (int i = 1; i <= columns.size(); i++) {
                        write.setObject(i, value(rs, types, i));
                    }
                    write.addBatch();
                    if (++pending == BATCH) {
                        write.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    write.executeBatch();
                }
            }
        }
    }

    /** The columns a row is written with: all but those the database computes itself. */
    private static List<String> insertableColumns(Connection c, String table) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(null, c.getSchema(), name(meta, table), "%")) {
            while (rs.next()) {
                if (!"YES".equals(rs.getString("IS_GENERATEDCOLUMN"))) {
                    columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return columns;
    }

    /** Timestamps travel with their offset, long texts as text, whatever each driver's default type. */
    private static Object value(ResultSet rs, ResultSetMetaData types, int i) throws SQLException {
        int type = types.getColumnType(i);
        String typeName = types.getColumnTypeName(i).toLowerCase(Locale.ROOT);
        if (type == Types.TIMESTAMP_WITH_TIMEZONE || typeName.equals("timestamptz") || typeName.contains("time zone")) {
            return rs.getObject(i, OffsetDateTime.class);
        }
        if (type == Types.CLOB || type == Types.NCLOB || type == Types.LONGVARCHAR) {
            return rs.getString(i);
        }
        return rs.getObject(i);
    }

    /** Rows came with their ids: the next id a table gives must come after them. */
    private static void restartIdentities(Connection c, List<String> tables, Database.Vendor vendor)
            throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        for (String table : tables) {
            try (ResultSet rs = meta.getColumns(null, c.getSchema(), name(meta, table), "%")) {
                while (rs.next()) {
                    if ("YES".equals(rs.getString("IS_AUTOINCREMENT"))) {
                        restart(c, table, rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), vendor);
                    }
                }
            }
        }
    }

    private static void restart(Connection c, String table, String column, Database.Vendor vendor) throws SQLException {
        long next = max(c, table, column) + 1;
        if (vendor == Database.Vendor.POSTGRESQL) {
            update(c, "SELECT setval(pg_get_serial_sequence('" + table + "', '" + column + "'), " + next + ", false)");
        } else {
            update(c, "ALTER TABLE " + table + " ALTER COLUMN " + column + " RESTART WITH " + next);
        }
    }

    private static long max(Connection c, String table, String column) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(" + column
                + "), 0) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void update(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
