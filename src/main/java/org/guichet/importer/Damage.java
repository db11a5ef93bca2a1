package org.guichet.importer;

import java.nio.file.Path;
import java.util.Objects;

/** Something wrong in a file being imported, where it is (line 1 first), and what was done about it. */
public record Damage(Path file, long line, String what) {
    public Damage {
        Objects.requireNonNull(file);
        Objects.requireNonNull(what);
    }

    @Override
    public String toString() {
        return file + " line " + line + ": " + what;
    }
}
