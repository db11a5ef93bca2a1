package org.guichet.store;

import java.time.Duration;
import java.util.Objects;
import org.guichet.intake.ReadingTurn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mailbox's reading turn as a lease in the database, for several instances on one database. The holder
 * renews it every sixth of {@code imap.failover}; it lasts half of it, so that a dead holder's turn passes to a
 * waiting instance within two thirds of the failover time, leaving the rest for a late tick on a busy machine. The holder stops reading a sixth before its lease could expire,
 * counting on its own monotonic clock, when another instance holds the lease or its renewal is late.
 */
public final class IntakeLease implements ReadingTurn {
    public static final String INTAKE = "intake";
    public static final String INSTANCE_PREFIX = "instance:";
    private static final Logger log = LoggerFactory.getLogger(IntakeLease.class);
    private final Leases leases;
    private final String instance;
    private final Duration ttl;
    private final Duration checkEvery;
    private volatile boolean holding;
    private volatile long heldUntilNanos;
    private volatile String holder = "nobody";
    private volatile boolean unreachable;

    public IntakeLease(Leases leases, String instance, Duration failover) {
        this.leases = Objects.requireNonNull(leases);
        this.instance = Objects.requireNonNull(instance);
        this.ttl = failover.dividedBy(2);
        this.checkEvery = failover.dividedBy(6).isZero() ? Duration.ofMillis(1) : failover.dividedBy(6);
    }

    /** Takes or renews the turn, and this instance's own lease; returns whether this instance reads now. */
    public boolean tick() {
        long started = System.nanoTime();
        boolean had = held();
        try {
            leases.hold(INSTANCE_PREFIX + instance, instance, ttl);
            boolean taken = leases.hold(INTAKE, instance, ttl);
            unreachable = false;
            if (taken) {
                heldUntilNanos = started + ttl.minus(checkEvery).toNanos();
                holding = true;
                holder = instance;
                if (!had) {
                    log.info("intake lease taken: this instance ({}) reads the mailbox", instance);
                }
            } else {
                holding = false;
                holder = leases.find(INTAKE).map(Lease::holder).orElse("nobody");
                if (goneFromThisHost(holder) && leases.takeFrom(INTAKE, holder, instance, ttl)) {
                    log.info("intake lease taken from {}, a process of this host that is gone", holder);
                    leases.release(holder, INSTANCE_PREFIX + holder);
                    heldUntilNanos = started + ttl.minus(checkEvery).toNanos();
                    holding = true;
                    holder = instance;
                }
            }
        } catch (RuntimeException e) {
            // The database is unreachable: nobody can take the turn from this instance meanwhile, and while it
            // cannot commit, intake pauses with every mail left in place. Should the database be out of reach of
            // this instance alone and another take over, each mail's unique key still records it once, and the
            // next tick here sees the other holder.
            unreachable = holding;
            log.warn("cannot renew the intake lease: {}", e.getMessage());
        }
        if (had && !held()) {
            log.info("intake lease lost: {} reads the mailbox", holder);
        }
        return held();
    }

    /**
     * Whether {@code other} names a process of this host (instances are named {@code host:pid}) that is no longer
     * running: a daemon stopped while its database was closing under it (H2's own shutdown hook may close it
     * before the lease is released), or killed. Its turn need not run out: this instance takes it at once. A pid
     * that a new process reuses looks alive, and the lease then runs out as before.
     */
    private boolean goneFromThisHost(String other) {
        int mine = instance.lastIndexOf(':');
        int theirs = other.lastIndexOf(':');
        if (mine <= 0 || theirs <= 0 || other.equals(instance)
                || !instance.substring(0, mine).equals(other.substring(0, theirs))) {
            return false;
        }
        try {
            long pid = Long.parseLong(other.substring(theirs + 1));
            return pid > 0 && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public boolean held() {
        return holding && (unreachable || heldUntilNanos - System.nanoTime() > 0);
    }

    @Override
    public Duration checkEvery() {
        return checkEvery;
    }

    @Override
    public String holder() {
        return holder;
    }

    public String instance() {
        return instance;
    }

    /** On a clean stop: the turn passes at once, and the instance no longer shows as alive. */
    public void release() {
        holding = false;
        try {
            leases.release(instance, INTAKE, INSTANCE_PREFIX + instance);
        } catch (RuntimeException e) {
            log.warn("cannot release the intake lease, it will expire: {}", e.getMessage());
        }
    }
}
