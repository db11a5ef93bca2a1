package org.guichet.parse;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A part's decoded content as the sink reads it: a failure while decoding the mail ends the stream early and is
 * recorded as a problem, so that any IOException the sink throws is the sink's own.
 */
final class GuardedInputStream extends FilterInputStream {

    private final String where;
    private final Problems problems;
    private boolean failed;

    GuardedInputStream(InputStream in, String where, Problems problems) {
        super(in);
        this.where = where;
        this.problems = problems;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n <= 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (failed) {
            return -1;
        }
        try {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.io.InterruptedIOException("the parse was abandoned by its watchdog");
            }
            return in.read(buffer, offset, length);
        } catch (IOException | RuntimeException e) {
            failed = true;
            problems.add(TextDecoder.capitalise(where) + " could not be decoded to its end ("
                    + MimeAccess.reason(e) + "); it was cut short.");
            return -1;
        }
    }

    @Override
    public long skip(long n) {
        byte[] skipped = new byte[(int) Math.min(Math.max(n, 0), 8192)];
        return Math.max(read(skipped, 0, skipped.length), 0);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // Closing an in-memory part stream cannot lose data.
        }
    }
}
