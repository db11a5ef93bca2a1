package org.guichet.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * Run in a child JVM by {@link LargeAttachmentTest}, with a capped heap: writes a mail carrying a large attachment to
 * a file, parses it as a stream, and prints what was stored and how much heap was in use while it was stored.
 */
public final class LargeMailProbe {

    private static final int CHUNK = 64 * 1024;

    private LargeMailProbe() {
    }

    /** Arguments: the folder to write the mail in, and the attachment's size in bytes. */
    public static void main(String[] args) throws Exception {
        Path mail = Path.of(args[0]).resolve("large-attachment.eml");
        long size = Long.parseLong(args[1]);
        String expectedSha256 = write(mail, size);
        HeapWatchingSink sink = new HeapWatchingSink(size / 2);
        InboundMail parsed;
        try (InputStream in = Files.newInputStream(mail)) {
            parsed = new MailParser(sink).parse(in);
        }
        Attachment attachment = parsed.attachments().get(0);
        System.out.printf("attachments=%d name=%s size=%d sha256ok=%b heapWhileStoringMiB=%d maxHeapMiB=%d text=%s%n",
                parsed.attachments().size(), attachment.name(), attachment.size(),
                attachment.sha256().equals(expectedSha256), sink.heapInUse / (1024 * 1024),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), parsed.text());
    }

    /** Writes the mail, its attachment base64-encoded from pseudo-random bytes; returns their SHA-256. */
    private static String write(Path mail, long size) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        SplittableRandom random = new SplittableRandom(42);
        try (OutputStream out = Files.newOutputStream(mail)) {
            out.write(("From: Big Sender <big@example.org>\r\nSubject: Scan of the contract\r\n"
                    + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
                    + "Content-Type: text/plain\r\n\r\nThe scan is attached.\r\n--b\r\n"
                    + "Content-Type: application/pdf; name=\"scan.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            OutputStream base64 = Base64.getMimeEncoder().wrap(new NonClosing(out));
            byte[] chunk = new byte[CHUNK];
            for (long written = 0; written < size; written += CHUNK) {
                random.nextBytes(chunk);
                int n = (int) Math.min(CHUNK, size - written);
                digest.update(chunk, 0, n);
                base64.write(chunk, 0, n);
            }
            base64.close();
            out.write("\r\n--b--\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Hashes like the real store, and halfway through measures the heap still in use after a collection. */
    private static final class HeapWatchingSink implements AttachmentSink {

        private final long measureAt;
        private long heapInUse = -1;

        HeapWatchingSink(long measureAt) {
            this.measureAt = measureAt;
        }

        @Override
        public StoredPart store(InputStream content) throws IOException {
            return new DigestingSink().store(new java.io.FilterInputStream(content) {
                private long read;

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    read += Math.max(n, 0);
                    if (heapInUse < 0 && read >= measureAt) {
                        System.gc();
                        heapInUse = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                    }
                    return n;
                }
            });
        }
    }

    /** Lets the base64 encoder be closed, to write its last bytes, without closing the file under it. */
    private static final class NonClosing extends java.io.FilterOutputStream {

        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
