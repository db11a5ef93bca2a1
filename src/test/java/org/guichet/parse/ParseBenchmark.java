package org.guichet.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.guichet.route.PriorityProbe;

/**
 * Parse throughput in mails and megabytes per second, over the shared corpus and over the adversarial set of
 * {@link AdversarialMails} (a megabyte each, built to make backtracking patterns run for hours): a benchmark to run by
 * hand, not a test. Each mail is parsed as the intake does, with a sink that only hashes, then routed by the
 * priority rules, so that the router's patterns are timed too. From the project folder:
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath
 * java -cp target/test-classes:target/classes:$(cat target/test.classpath) org.guichet.parse.ParseBenchmark [rounds]
 * </pre>
 */
public final class ParseBenchmark {

    private static final int WARM_UP_ROUNDS = 5;
    /** Where the priorities go, so that the routing work cannot be skipped. */
    private static volatile long prioritySink;

    private ParseBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        MailParser parser = new MailParser(AttachmentSink.hashingOnly());
        measure("corpus", parser, load(), rounds);
        measure("adversarial", parser, List.copyOf(AdversarialMails.all().values()), Math.max(1, rounds / 4));
    }

    private static void measure(String name, MailParser parser, List<byte[]> mails, int rounds) {
        long bytes = mails.stream().mapToLong(mail -> mail.length).sum();
        run(parser, mails, Math.min(WARM_UP_ROUNDS, rounds));
        long start = System.nanoTime();
        int attachments = run(parser, mails, rounds);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %d mails (%.2f MB), %d rounds in %.2f s: %.0f mails/s, %.1f MB/s"
                + " (%d attachments a round)%n", name, mails.size(), bytes / 1e6, rounds, seconds,
                mails.size() * rounds / seconds, bytes * rounds / 1e6 / seconds, attachments / rounds);
    }

    private static List<byte[]> load() throws IOException {
        List<byte[]> mails = new ArrayList<>();
        for (Path file : CorpusFiles.mails().toList()) {
            mails.add(Files.readAllBytes(file));
        }
        return mails;
    }

    /** Parses and routes every mail {@code rounds} times; returns the attachments found, so the work is not skipped. */
    private static int run(MailParser parser, List<byte[]> mails, int rounds) {
        int attachments = 0;
        for (int round = 0; round < rounds; round++) {
            for (byte[] mail : mails) {
                InboundMail parsed = parser.parse(new ByteArrayInputStream(mail));
                attachments += parsed.attachments().size();
                prioritySink += PriorityProbe.levelOf(parsed);
            }
        }
        return attachments;
    }
}
