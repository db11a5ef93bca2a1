package org.guichet.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Whether a database already has every migration of this build, found cheaply: the versions of the migration
 * files on the classpath against the successful versions of Flyway's schema history, one query. Starting Flyway
 * (its classes, its scan and its validation) takes about a second; a daemon restarted on an up-to-date database
 * skips it. Anything unexpected (no history yet, a failed migration, a file name Flyway reads otherwise) answers
 * "not known to be up to date", and Flyway runs as before.
 */
final class MigrationIndex {
    // SQL files, and Java migrations (classes of the package db.migration, as V71)
    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__[^/]*\\.(sql|class)");
    private final List<String> locations;

    /** @param locations resource folders, as {@code db/migration} */
    MigrationIndex(List<String> locations) {
        this.locations = List.copyOf(locations);
    }

    /** True only when every versioned migration on the classpath is recorded as applied with success. */
    boolean upToDate(DataSource dataSource) {
        Optional<Set<String>> files = versionsOnClasspath();
        if (files.isEmpty() || files.get().isEmpty()) {
            return false;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT \"version\", \"success\" FROM \"flyway_schema_history\"")) {
            Set<String> applied = new HashSet<>();
            while (rs.next()) {
                if (!rs.getBoolean(2)) {
                    return false;
                }
                if (rs.getString(1) != null) {
                    applied.add(normal(rs.getString(1)));
                }
            }
            return applied.containsAll(files.get());
        } catch (SQLException e) {
            return false; // no history table yet, or none that this query can read: Flyway decides
        }
    }

    /** The versions of the {@code V<version>__<name>.sql} (or {@code .class}) files; empty when one cannot be listed. */
    Optional<Set<String>> versionsOnClasspath() {
        Set<String> versions = new HashSet<>();
        ClassLoader loader = MigrationIndex.class.getClassLoader();
        try {
            for (String location : locations) {
                for (URL url : Collections.list(loader.getResources(location))) {
                    for (String name : names(url, location)) {
                        if (name.startsWith("R__") || name.startsWith("U")) {
                            return Optional.empty(); // repeatable or undo migrations: Flyway's own business
                        }
                        Matcher m = VERSIONED.matcher(name);
                        if (m.matches()) {
                            versions.add(normal(m.group(1)));
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException | UncheckedIOException e) {
            return Optional.empty();
        }
        return Optional.of(versions);
    }

    /** The file names directly in one location, in a folder or in a jar. */
    private static List<String> names(URL url, String location) throws IOException, URISyntaxException {
        List<String> names = new ArrayList<>();
        if (url.getProtocol().equals("file")) {
            try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                files.forEach(f -> names.add(f.getFileName().toString()));
            }
        } else if (url.getProtocol().equals("jar")) {
            JarURLConnection connection = (JarURLConnection) url.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                String prefix = location + "/";
                jar.stream().map(e -> e.getName()).filter(n -> n.startsWith(prefix) && n.length() > prefix.length())
                        .map(n -> n.substring(prefix.length())).filter(n -> !n.contains("/")).forEach(names::add);
            }
        } else {
            throw new IOException("cannot list " + url);
        }
        return names;
    }

    /** Flyway's reading of a version: 1.2 and 1_2 are the same, and so are 1.0 and 1. */
    static String normal(String version) {
        String[] parts = version.replace('_', '.').split("\\.");
        int last = parts.length;
        while (last > 1 && parts[last - 1].chars().allMatch(ch -> ch == '0')) {
            last--;
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < last; i++) {
            kept.add(parts[i].replaceFirst("^0+(?=.)", ""));
        }
        return String.join(".", kept);
    }
}
