package org.guichet.intake;

/**
 * What the watcher of one mailbox tells of it, for {@code status} and {@code db info}: that it read the mailbox
 * (with how many mails were waiting), or that it cannot (with why). An implementation must not throw.
 */
public interface WatchReport {

    /** Tells nothing: tests, {@code run --once}. */
    WatchReport NONE = new WatchReport() {
        @Override
        public void read(String mailbox, int waiting) {
        }

        @Override
        public void failed(String mailbox, String reason) {
        }
    };

    /** The mailbox was read; {@code waiting} mails were in its folder at the start of the pass. */
    void read(String mailbox, int waiting);

    /** The mailbox cannot be read: down, refusing the login, or its folder unusable. */
    void failed(String mailbox, String reason);
}
