package org.guichet.bench;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The peak heap while a large mail is fetched and handled, measured in a fresh JVM capped at 256 MB so that
 * nothing else of the bench is on its heap: the child runs {@link BenchLargeMail} against the bench's server.
 */
final class BenchHeap {
    static final String MAX_HEAP = "-Xmx256m";
    private final BenchServer server;
    private final Path dir;
    private final Path configFile;
    private final PrintWriter log;

    /** @param outcome "handled", or "quarantined: " and the reason */
    record Result(long mailBytes, int handled, long peakHeapBytes, long maxHeapBytes, String outcome) {
    }

    BenchHeap(BenchServer server, Path dir, Path configFile, PrintWriter log) {
        this.server = server;
        this.dir = dir;
        this.configFile = configFile;
        this.log = log;
    }

    Result measure(long bytes) throws Exception {
        Path mail = dir.resolve("large.eml");
        try (OutputStream out = Files.newOutputStream(mail)) {
            BenchMails.writeLarge(out, bytes);
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(mail))) {
            server.put(List.of(new MimeMessage(Session.getInstance(new Properties()), in)));
        }
        long size = Files.size(mail);
        Files.delete(mail);
        log.printf("(f) handling a %d MB mail in a fresh JVM (%s)...%n", size / 1_000_000, MAX_HEAP);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, MAX_HEAP, "-cp", System.getProperty("java.class.path"),
                BenchLargeMail.class.getName(), configFile.toString())).redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!child.waitFor(5, TimeUnit.MINUTES) || child.exitValue() != 0) {
            throw new IllegalStateException("the large-mail JVM failed (" + out + ")");
        }
        return parse(size, out);
    }

    /** The child's one line: {@code handled=1 peak=123 max=456 outcome=quarantined reason=...}. */
    private static Result parse(long size, String line) throws IOException {
        String last = line.substring(line.lastIndexOf("handled="));
        String[] fields = last.split("\\s+");
        String outcome = last.substring(last.indexOf("outcome=") + "outcome=".length()).replace(" reason=", ": ");
        return new Result(size, Integer.parseInt(value(fields[0])), Long.parseLong(value(fields[1])),
                Long.parseLong(value(fields[2])), outcome);
    }

    private static String value(String field) {
        return field.substring(field.indexOf('=') + 1);
    }
}
