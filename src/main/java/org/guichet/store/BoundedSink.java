package org.guichet.store;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.guichet.parse.AttachmentSink;
import org.guichet.parse.StoredPart;

/**
 * Stores attachments up to a size limit. Over it, the file is not kept: the bytes are only read to their end
 * and hashed, and the size reported is the true one, so the caller can tell the attachment was left out.
 */
final class BoundedSink implements AttachmentSink {
    private final AttachmentSink delegate;
    private final long maxBytes;

    BoundedSink(AttachmentSink delegate, long maxBytes) {
        this.delegate = delegate;
        this.maxBytes = maxBytes;
    }

    /** Thrown inside the delegate's read to abandon the file; caught here, never seen outside. */
    private static final class OverLimit extends IOException {
        private static final long serialVersionUID = 1L;
    }

    @Override
    public StoredPart store(InputStream content) throws IOException {
        MessageDigest digest = sha256();
        Counting counted = new Counting(new DigestInputStream(content, digest), maxBytes);
        try {
            return delegate.store(counted);
        } catch (OverLimit e) {
            counted.unlimit();
            byte[] buffer = new byte[64 * 1024];
            while (counted.read(buffer) >= 0) {
                // reading on only to hash the rest and learn the true size
            }
            return new StoredPart(HexFormat.of().formatHex(digest.digest()), counted.count);
        }
    }

    /** Counts what is read and gives up once past the limit. */
    private static final class Counting extends FilterInputStream {
        private long count;
        private long limit;

        Counting(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        void unlimit() {
            limit = Long.MAX_VALUE;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            return n < 0 ? n : counted(n);
        }

        private int counted(int n) throws OverLimit {
            count += n;
            if (count > limit) {
                throw new OverLimit();
            }
            return n;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
