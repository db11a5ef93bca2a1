package org.guichet.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.guichet.intake.MailHandler;
import org.guichet.intake.MailSource;
import org.guichet.intake.RawMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports mails from files: an {@code .eml} file, an mbox file, or a folder of them (recursively). Each mail
 * goes through the same handler as a mail fetched over IMAP, so the same deduplication applies: importing the
 * same mails twice changes nothing. Its source is {@code import:<file>}, with the mail's place in the file as UID.
 */
public final class Importer {
    private static final Logger log = LoggerFactory.getLogger(Importer.class);
    /** A mail the handler asks to retry is tried again at once, as many times as intake would, then left. */
    private static final int TRIES = 3;
    private final MailHandler handler;
    private final Ledger ledger;
    private final MailSpool spool;

    /** Told after each mail: the bytes read so far out of all the files, and the mails read so far. */
    @FunctionalInterface
    public interface Progress {
        void update(long bytesDone, long bytesTotal, int mails);
    }

    public Importer(MailHandler handler, Ledger ledger, Path spoolDir) {
        this.handler = handler;
        this.ledger = ledger;
        this.spool = new MailSpool(spoolDir);
    }

    /** The files an import of this path reads: the file itself, or the .eml and .mbox files under the folder. */
    public static List<Path> files(Path path) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> all = Files.walk(path)) {
            return all.filter(Files::isRegularFile).filter(p -> isEml(p) || isMbox(p)).sorted().toList();
        } catch (IOException e) {
            throw new ImportException("cannot list the folder " + path + ": " + e.getMessage(), e);
        }
    }

    public ImportReport run(Path path, Progress progress) {
        if (!Files.exists(path)) {
            throw new ImportException("nothing to import at " + path + ": no such file or folder");
        }
        Run run = new Run(files(path), progress);
        for (Path file : run.files) {
            run.read(file);
        }
        return run.report();
    }

    private static boolean isEml(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".eml");
    }

    private static boolean isMbox(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mbox");
    }

    /** One import: its files, counts and damage. */
    private final class Run {
        private final List<Path> files;
        private final Progress progress;
        private final long total;
        private final Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        private final List<Damage> damage = new ArrayList<>();
        private long done;
        private int read;

        Run(List<Path> files, Progress progress) {
            this.files = files;
            this.progress = progress;
            this.total = files.stream().mapToLong(Run::size).sum();
        }

        void read(Path file) {
            try {
                if (isEml(file)) {
                    handle(file, Files.size(file), new MailSource(source(file), 0, 1));
                    done += Files.size(file);
                    progress.update(done, total, read);
                } else {
                    readMbox(file);
                }
            } catch (IOException e) {
                throw new ImportException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }

        private void readMbox(Path file) throws IOException {
            MboxReader reader = new MboxReader(file, spool);
            long before = done;
            try (InputStream in = Files.newInputStream(file)) {
                int mails = reader.read(in, (entry, bytesRead) -> {
                    handle(entry.file(), entry.size(), new MailSource(source(file), 0, entry.index()));
                    done = before + bytesRead;
                    progress.update(done, total, read);
                });
                if (mails == 0) {
                    damage.add(new Damage(file, 1, "no mail found: is it an mbox file?"));
                }
            }
            damage.addAll(reader.damage());
            done = before + size(file);
            progress.update(done, total, read);
        }

        private void handle(Path file, long size, MailSource source) {
            read++;
            Outcome outcome = Outcome.FAILED;
            for (int attempt = 1; attempt <= TRIES && outcome == Outcome.FAILED; attempt++) {
                Ledger.Mark mark = ledger.mark();
                try {
                    outcome = ledger.outcome(mark, source, handler.handle(new RawMail(file, size, source)));
                } catch (UncheckedIOException e) {
                    log.warn("mail {} of {} not imported: {}", source.uid(), source.folder(), e.getMessage());
                }
            }
            outcomes.merge(outcome, 1, Integer::sum);
        }

        ImportReport report() {
            return new ImportReport(read, outcomes, damage);
        }

        private static long size(Path file) {
            try {
                return Files.size(file);
            } catch (IOException e) {
                return 0;
            }
        }

        private static String source(Path file) {
            return "import:" + file.toAbsolutePath().normalize();
        }
    }
}
