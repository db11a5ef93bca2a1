package org.guichet;

import java.util.concurrent.ThreadFactory;

/** Threads of a pool that never keep the JVM alive, named for thread dumps and logs. */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** A factory of daemon threads all named {@code name}. */
    public static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
