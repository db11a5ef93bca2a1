package org.guichet.parse;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** An attachment sink that computes SHA-256 and size and keeps nothing. */
public final class DigestingSink implements AttachmentSink {

    private static final int BUFFER_SIZE = 8192;

    @Override
    public StoredPart store(InputStream content) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[BUFFER_SIZE];
        long size = 0;
        for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
            digest.update(buffer, 0, n);
            size += n;
        }
        return new StoredPart(HexFormat.of().formatHex(digest.digest()), size);
    }

    /** Hashes bytes already in memory, the same way as {@link #store}. */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime must provide SHA-256.", e);
        }
    }
}
