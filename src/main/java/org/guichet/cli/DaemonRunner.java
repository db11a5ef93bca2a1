package org.guichet.cli;

import java.io.PrintWriter;

/** The daemon, as the {@code run} command starts it. */
public interface DaemonRunner {
    /** Runs until the process is stopped (Ctrl-C, SIGTERM), printing where to send a first mail. */
    void runUntilStopped(PrintWriter out);

    /** Handles what is waiting, delivers the outbox, and returns how many mails were handled. */
    int runOnce(PrintWriter out);
}
