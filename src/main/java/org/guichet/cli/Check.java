package org.guichet.cli;

import java.util.Objects;

/** One step of {@code config check}: what was checked, whether it passed, and what was found. */
public record Check(String step, boolean ok, String detail) {
    public Check {
        Objects.requireNonNull(step);
        Objects.requireNonNull(detail);
    }
}
