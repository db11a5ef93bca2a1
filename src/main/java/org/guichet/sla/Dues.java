package org.guichet.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.guichet.config.Sla;

/**
 * Where one ticket stands against its promises at one instant.
 *
 * @param target the promise of its service and priority
 * @param takeDue when it must be taken in charge; empty while the count is paused before reaching it
 * @param taken when it was taken in charge, if it was
 * @param takeUsed the business time counted towards taking it in charge (until it was taken, or now)
 * @param resolveDue when it must be resolved; empty while paused before reaching it
 * @param resolvedAt when it was resolved (or closed), if it is
 * @param resolveUsed the business time counted towards resolving it
 */
public record Dues(Sla.Target target, Optional<Instant> takeDue, Optional<Instant> taken, Duration takeUsed,
        Optional<Instant> resolveDue, Optional<Instant> resolvedAt, Duration resolveUsed) {

    /** Whether the take-in-charge target is missed: taken too late, or still untaken past it. */
    public boolean takeMissed() {
        return takeUsed.compareTo(target.takeInCharge()) > 0;
    }

    public boolean resolveMissed() {
        return resolveUsed.compareTo(target.resolve()) > 0;
    }

    /** The share of the take-in-charge target used, in percent. */
    public long takePercent() {
        return takeUsed.toSeconds() * 100 / target.takeInCharge().toSeconds();
    }

    public long resolvePercent() {
        return resolveUsed.toSeconds() * 100 / target.resolve().toSeconds();
    }

    /** The target that matters now: taking it in charge until someone does, then resolving it. */
    public Optional<Instant> nextDue() {
        return taken.isEmpty() ? takeDue : resolveDue;
    }

    public boolean overdue() {
        return taken.isEmpty() && takeMissed() || resolvedAt.isEmpty() && resolveMissed();
    }
}
