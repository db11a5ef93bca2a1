package org.guichet.app;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** How an instance names itself in the leases that {@code db info} shows: its host and process id. */
final class InstanceName {
    private InstanceName() {
    }

    static String of() {
        return host() + ":" + ProcessHandle.current().pid();
    }

    /**
     * The machine's name, or {@code GUICHET_HOST} when set: for containers that share one host name, so that each
     * still names itself apart (a lease held by a process of "this host" that is gone is taken at once).
     */
    private static String host() {
        String named = System.getenv("GUICHET_HOST");
        if (named != null && !named.isBlank()) {
            return named.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
