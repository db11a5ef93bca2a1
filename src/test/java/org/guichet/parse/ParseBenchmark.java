package org.guichet.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parse throughput over the shared corpus, in mails and megabytes per second: a benchmark to run by hand, not a test.
 * Each mail is parsed as the intake does, from a stream, with a sink that only hashes. From the project folder:
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath
 * java -cp target/test-classes:target/classes:$(cat target/test.classpath) org.guichet.parse.ParseBenchmark [rounds]
 * </pre>
 */
public final class ParseBenchmark {

    private static final int WARM_UP_ROUNDS = 5;

    private ParseBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        List<byte[]> mails = load();
        long bytes = mails.stream().mapToLong(mail -> mail.length).sum();
        MailParser parser = new MailParser(AttachmentSink.hashingOnly());
        run(parser, mails, WARM_UP_ROUNDS);
        long start = System.nanoTime();
        int attachments = run(parser, mails, rounds);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%d mails (%.2f MB), %d rounds in %.2f s: %.0f mails/s, %.1f MB/s"
                + " (%d attachments a round)%n", mails.size(), bytes / 1e6, rounds, seconds,
                mails.size() * rounds / seconds, bytes * rounds / 1e6 / seconds, attachments / rounds);
    }

    private static List<byte[]> load() throws IOException {
        List<byte[]> mails = new ArrayList<>();
        for (Path file : CorpusFiles.mails().toList()) {
            mails.add(Files.readAllBytes(file));
        }
        return mails;
    }

    /** Parses every mail {@code rounds} times; returns the attachments found, so the work cannot be skipped. */
    private static int run(MailParser parser, List<byte[]> mails, int rounds) {
        int attachments = 0;
        for (int round = 0; round < rounds; round++) {
            for (byte[] mail : mails) {
                attachments += parser.parse(new ByteArrayInputStream(mail)).attachments().size();
            }
        }
        return attachments;
    }
}
