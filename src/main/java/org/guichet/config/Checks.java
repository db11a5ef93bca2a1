package org.guichet.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Invariants shared by the config records. They guard records built in code (tests, other packages);
 * the loader has already refused a bad file with the key and line, so these only fire on programmer errors.
 */
final class Checks {

    private Checks() {
    }

    static String text(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    static int port(int port, String what) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(what + " must be from 1 to 65535, not " + port);
        }
        return port;
    }

    static Duration positive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, not " + duration);
        }
        return duration;
    }

    static long positive(long value, String what) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be positive, not " + value);
        }
        return value;
    }
}
