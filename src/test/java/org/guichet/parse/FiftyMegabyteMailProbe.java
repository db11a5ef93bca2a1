package org.guichet.parse;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.guichet.store.BlobStore;

/**
 * Run in a child JVM by {@link FiftyMegabyteMailTest} with a capped heap: writes a 50 MiB mail to a file, either one
 * with a 45 MiB base64 attachment ({@code attachment}) or one whose body is a single 50 MiB line ({@code line}),
 * parses it from that file into a real attachment store, and prints what was stored, the time and the peak heap.
 */
public final class FiftyMegabyteMailProbe {

    static final long MAIL_BYTES = 50L * 1024 * 1024;
    static final long ENCODED_ATTACHMENT_BYTES = 45L * 1024 * 1024;
    private static final int CHUNK = 57 * 1024;

    private FiftyMegabyteMailProbe() {
    }

    /** Arguments: the folder to work in, and {@code attachment} or {@code line}. */
    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        Path mail = folder.resolve(args[1] + ".eml");
        String sha256 = args[1].equals("line") ? writeLine(mail) : writeAttachment(mail);
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        InboundMail parsed = new MailParser(new BlobStore(folder.resolve("blobs"))).parse(mail);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        BlobStore store = new BlobStore(folder.resolve("blobs"));
        System.out.printf("mailBytes=%d attachments=%d%n", Files.size(mail), parsed.attachments().size());
        for (Attachment a : parsed.attachments()) {
            System.out.printf("attachment name=%s size=%d stored=%b sha256ok=%b%n", a.name(), a.size(),
                    store.find(a.sha256()).map(p -> size(p) == a.size()).orElse(false), a.sha256().equals(sha256));
        }
        System.out.printf("textChars=%d textStart=%s%n", parsed.text().length(),
                parsed.text().substring(0, Math.min(40, parsed.text().length())));
        parsed.problems().forEach(p -> System.out.println("problem=" + p));
        System.out.printf("millis=%d peakHeapMiB=%d maxHeapMiB=%d%n", millis, peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    private static String writeAttachment(Path mail) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        SplittableRandom random = new SplittableRandom(13);
        try (OutputStream out = Files.newOutputStream(mail)) {
            out.write(head("multipart/mixed; boundary=\"b\"").getBytes(StandardCharsets.US_ASCII));
            out.write(("--b\r\nContent-Type: text/plain\r\n\r\nThe backup is attached.\r\n--b\r\n"
                    + "Content-Type: application/octet-stream; name=\"backup.tar\"\r\n"
                    + "Content-Transfer-Encoding: base64\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            OutputStream base64 = Base64.getMimeEncoder().wrap(new LargeMailProbeNonClosing(out));
            byte[] chunk = new byte[CHUNK];
            for (long written = 0; written < ENCODED_ATTACHMENT_BYTES / 4 * 3; written += CHUNK) {
                random.nextBytes(chunk);
                int n = (int) Math.min(CHUNK, ENCODED_ATTACHMENT_BYTES / 4 * 3 - written);
                digest.update(chunk, 0, n);
                base64.write(chunk, 0, n);
            }
            base64.close();
            out.write("\r\n--b\r\nContent-Type: text/plain\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] filler = "The rest of the 50 MiB: a log pasted below the attachment.\r\n"
                    .getBytes(StandardCharsets.US_ASCII);
            for (long at = Files.size(mail); at < MAIL_BYTES - filler.length - 16; at += filler.length) {
                out.write(filler); // the file stream is unbuffered: Files.size saw every byte written so far
            }
            out.write("--b--\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String writeLine(Path mail) throws IOException {
        try (OutputStream out = Files.newOutputStream(mail)) {
            out.write(head("text/plain; charset=us-ascii").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "Line".repeat(16 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (long written = 0; written < MAIL_BYTES; written += chunk.length) {
                out.write(chunk);
            }
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        return "";
    }

    private static String head(String contentType) {
        return "From: Big Sender <big@example.org>\r\nTo: support@example.org\r\nSubject: Fifty megabytes\r\n"
                + "Message-ID: <fifty@example.org>\r\nMIME-Version: 1.0\r\nContent-Type: " + contentType + "\r\n\r\n";
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Lets the base64 encoder be closed, to write its last bytes, without closing the file under it. */
    private static final class LargeMailProbeNonClosing extends java.io.FilterOutputStream {

        LargeMailProbeNonClosing(OutputStream out) {
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
