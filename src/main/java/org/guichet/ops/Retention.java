package org.guichet.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.Set;
import org.guichet.store.BlobStore;
import org.guichet.store.Purge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Personal data is not kept for ever: {@code guichet purge --closed-before DATE} and, with
 * {@code tickets.retention-days}, the daemon once a day, delete the tickets closed before a date with their
 * messages, events and the stored files no other ticket uses.
 */
public final class Retention {
    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    private final Purge purge;
    private final BlobStore attachments;
    private final BlobStore rawMails;
    private final OptionalInt retentionDays;
    private final Clock clock;

    public Retention(Purge purge, BlobStore attachments, BlobStore rawMails, OptionalInt retentionDays, Clock clock) {
        this.purge = purge;
        this.attachments = attachments;
        this.rawMails = rawMails;
        this.retentionDays = retentionDays;
        this.clock = clock;
    }

    /** What a purge did: the rows, and the files deleted (or that would be, on a dry run). */
    public record Report(Purge.Counts counts, long filesDeleted, long bytesFreed, boolean dryRun) {
    }

    /** Deletes the tickets closed or cancelled before {@code closedBefore}; changes nothing on a dry run. */
    public Report purge(Instant closedBefore, String actor, boolean dryRun) {
        Purge.Counts counts = purge.run(closedBefore, actor, clock.instant(), dryRun);
        if (dryRun) {
            long bytes = size(attachments, counts.unusedAttachmentFiles()) + size(rawMails, counts.unusedRawFiles());
            return new Report(counts, counts.unusedAttachmentFiles().size() + counts.unusedRawFiles().size(), bytes, true);
        }
        long[] done = new long[2];
        counts.unusedAttachmentFiles().forEach(sha -> delete(attachments, sha, purge::attachmentInUse, done));
        counts.unusedRawFiles().forEach(sha -> delete(rawMails, sha, purge::rawInUse, done));
        if (counts.tickets() > 0) {
            log.info("purged {} ticket(s) closed before {}: {} message(s), {} event(s), {} file(s) deleted",
                    counts.tickets(), closedBefore, counts.messages(), counts.events(), done[0]);
        }
        return new Report(counts, done[0], done[1], false);
    }

    /** The purge log, newest first: when, by whom, and how much each purge deleted. */
    public java.util.List<String> history() {
        return purge.history(1000);
    }

    /** The daemon's daily run: nothing unless {@code tickets.retention-days} is set. */
    public void runScheduled() {
        if (retentionDays.isPresent()) {
            purge(clock.instant().minus(Duration.ofDays(retentionDays.getAsInt())), "retention", false);
        }
    }

    /** A new mail may have brought the same bytes back since the rows went: asked again just before deleting. */
    private static void delete(BlobStore store, String sha, java.util.function.Predicate<String> inUse, long[] done) {
        if (inUse.test(sha)) {
            return;
        }
        store.find(sha).ifPresent(file -> {
            try {
                long size = Files.size(file);
                if (Files.deleteIfExists(file)) {
                    done[0]++;
                    done[1] += size;
                }
            } catch (IOException e) {
                log.warn("cannot delete the stored file {}: {}", file, e.getMessage());
            }
        });
    }

    private static long size(BlobStore store, Set<String> hashes) {
        long total = 0;
        for (String sha : hashes) {
            total += store.find(sha).map(Retention::sizeOf).orElse(0L);
        }
        return total;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
