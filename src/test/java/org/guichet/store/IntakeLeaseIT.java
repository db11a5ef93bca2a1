package org.guichet.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.guichet.testdb.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The turn to read the mailbox after a stop that could not release it (H2's shutdown hook may close the database
 * first) or a kill: a process of this host that is gone gives its turn at once; anyone else's turn runs out first.
 */
class IntakeLeaseIT {
    private static final Duration FAILOVER = Duration.ofMinutes(10);

    @TempDir
    Path dir;

    @Test
    void aTurnLeftByAProcessOfThisHostThatIsGoneIsTakenAtOnce() throws Exception {
        try (Database database = TestDatabase.of(dir).open()) {
            database.migrate();
            Leases leases = new Leases(database);
            String gone = "thishost:" + finishedProcess();
            IntakeLease before = new IntakeLease(leases, gone, FAILOVER);
            assertThat(before.tick()).isTrue();

            IntakeLease now = new IntakeLease(leases, "thishost:" + ProcessHandle.current().pid(), FAILOVER);

            assertThat(now.tick()).as("the turn of a process that is gone").isTrue();
            assertThat(leases.find(IntakeLease.INTAKE).orElseThrow().holder()).isEqualTo(now.instance());
            assertThat(leases.find(IntakeLease.INSTANCE_PREFIX + gone)).as("the gone instance no longer shows").isEmpty();
        }
    }

    @Test
    void aTurnHeldByARunningProcessOrAnotherHostRunsOutFirst() throws Exception {
        try (Database database = TestDatabase.of(dir).open()) {
            database.migrate();
            Leases leases = new Leases(database);
            String running = "thishost:" + ProcessHandle.current().parent().orElseThrow().pid();
            assertThat(new IntakeLease(leases, running, FAILOVER).tick()).isTrue();

            IntakeLease here = new IntakeLease(leases, "thishost:" + ProcessHandle.current().pid(), FAILOVER);
            assertThat(here.tick()).as("a running process keeps its turn").isFalse();
            assertThat(here.holder()).isEqualTo(running);

            leases.release(running, IntakeLease.INTAKE);
            String elsewhere = "otherhost:" + finishedProcess();
            assertThat(new IntakeLease(leases, elsewhere, FAILOVER).tick()).isTrue();
            assertThat(here.tick()).as("a process of another host cannot be seen from here").isFalse();
            assertThat(here.holder()).isEqualTo(elsewhere);
        }
    }

    /** The pid of a process that ran and ended, so no longer running on this host. */
    private static long finishedProcess() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }
}
