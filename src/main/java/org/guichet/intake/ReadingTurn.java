package org.guichet.intake;

import java.time.Duration;

/**
 * Whether this instance may read the mailbox now. Several instances may share one mailbox and one database:
 * one at a time holds the turn, and the others wait for it to come free.
 */
public interface ReadingTurn {
    /** A single instance: its turn never ends. */
    ReadingTurn ALWAYS = new ReadingTurn() {
        @Override
        public boolean held() {
            return true;
        }

        @Override
        public Duration checkEvery() {
            return Duration.ofSeconds(1);
        }

        @Override
        public String holder() {
            return "this instance";
        }
    };

    /** True while this instance may read; checked before each mail, so it costs no round trip. */
    boolean held();

    /** How often a waiting instance looks whether the turn came to it. */
    Duration checkEvery();

    /** Who holds the turn, as last seen, for the log. */
    String holder();
}
