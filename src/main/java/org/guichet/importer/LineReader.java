package org.guichet.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads raw lines, each with its line ending, so that a mail's bytes are kept exactly as they were. */
final class LineReader {
    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private long bytesRead;
    private long lineNumber;
    private boolean endedMidLine;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line with its {@code \n} (or none at the very end), or null at the end of the stream. */
    byte[] next() throws IOException {
        line.reset();
        int b;
        while ((b = in.read()) >= 0) {
            line.write(b);
            if (b == '\n') {
                break;
            }
        }
        if (line.size() == 0) {
            return null;
        }
        endedMidLine = b < 0;
        bytesRead += line.size();
        lineNumber++;
        return line.toByteArray();
    }

    long bytesRead() {
        return bytesRead;
    }

    /** The number of the line last returned, 1 for the first. */
    long lineNumber() {
        return lineNumber;
    }

    boolean endedMidLine() {
        return endedMidLine;
    }
}
