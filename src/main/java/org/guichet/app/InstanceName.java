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

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
