package org.guichet.app;

import org.guichet.cli.Check;
import org.guichet.parse.MailParser;

/**
 * Whether the JVM's heap holds what reading one mail needs. The parser streams the mail from its file and bounds
 * what it keeps (body text, header fields, part count), so the need is the same whatever limits.max-message-bytes
 * says; only a heap below it fails, and {@code config check} and the start banner say so.
 */
final class HeapCheck {
    private static final long MIB = 1024 * 1024;

    private HeapCheck() {
    }

    static Check of(long maxHeap) {
        long needed = MailParser.WORKING_HEAP_BYTES;
        if (maxHeap >= needed) {
            return new Check("heap", true, "the JVM may use " + maxHeap / MIB + " MiB; reading a mail of any size"
                    + " needs at most " + needed / MIB + " MiB");
        }
        return new Check("heap", false, "the JVM may use only " + maxHeap / MIB + " MiB, less than the "
                + needed / MIB + " MiB that reading a large mail can need: start it with -Xmx" + needed / MIB
                + "m or more (JAVA_TOOL_OPTIONS=-Xmx" + needed / MIB + "m ./run.sh)");
    }

    static Check ofThisJvm() {
        return of(Runtime.getRuntime().maxMemory());
    }
}
