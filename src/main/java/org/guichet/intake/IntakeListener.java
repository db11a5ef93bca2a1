package org.guichet.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Told of every mail intake is done with, for the metrics: what became of it, how long it took from download to
 * commit, and when the server received it ({@code arrived}, when the server says), which gives the intake lag.
 */
@FunctionalInterface
public interface IntakeListener {
    IntakeListener NONE = (source, disposition, took, arrived) -> { };

    void handled(MailSource source, Disposition disposition, Duration took, Optional<Instant> arrived);
}
