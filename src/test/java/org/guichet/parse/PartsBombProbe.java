package org.guichet.parse;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Run in a child JVM by {@link PartsBombTest} with a capped heap: writes issue 13's parts bomb (a multipart of
 * {@code --b} and two blank lines, repeated to 50 MB: over twelve million empty parts) to a file, parses it from
 * there, and prints what was read and the peak heap.
 */
public final class PartsBombProbe {

    static final long BOMB_BYTES = 50_000_000;

    private PartsBombProbe() {
    }

    /** Argument: the folder to write the bomb in. */
    public static void main(String[] args) throws Exception {
        Path mail = Path.of(args[0]).resolve("bomb.eml");
        write(mail);
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        InboundMail parsed = new MailParser(AttachmentSink.hashingOnly()).parse(mail);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("mailBytes=%d attachments=%d text=%s structureCut=%s%n", Files.size(mail),
                parsed.attachments().size(), parsed.text(), MailParser.structureCut(parsed).orElse("none"));
        System.out.printf("millis=%d peakHeapMiB=%d maxHeapMiB=%d%n", millis, peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    private static void write(Path mail) throws Exception {
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(mail), 1 << 16)) {
            out.write(("From: bomber@example.net\r\nSubject: parts\r\nMessage-ID: <bomb@example.net>\r\n"
                    + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                    + "--b\r\nContent-Type: text/plain\r\n\r\nThe first part says hello.\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] part = "--b\n\n\n".getBytes(StandardCharsets.US_ASCII);
            for (long written = 0; written < BOMB_BYTES; written += part.length) {
                out.write(part);
            }
        }
    }
}
