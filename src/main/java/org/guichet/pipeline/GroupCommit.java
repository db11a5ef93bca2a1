package org.guichet.pipeline;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.guichet.DaemonThreads;
import org.guichet.config.Limits;
import org.guichet.intake.Disposition;
import org.guichet.intake.MailHandler;
import org.guichet.intake.RawMail;
import org.guichet.parse.InboundMail;
import org.guichet.parse.MailAddress;
import org.guichet.parse.StoredPart;
import org.guichet.ticket.Applied;
import org.guichet.ticket.DecisionApplier;
import org.guichet.ticket.MailOrigin;
import org.guichet.ticket.MailRecord;
import org.guichet.ticket.StorageFailure;
import org.guichet.ticket.TicketStore;
import org.guichet.ticket.TicketTx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A batch of mails handled as one, with the guarantees of one mail handled alone: every attempt is counted, in one
 * transaction, before any of the mails is parsed; the mails are parsed side by side on a bounded pool; their
 * decisions are applied in mail order and committed in one transaction, with their notifications and the marks that
 * they are handled. Whatever could make the batch differ from its mails handled one by one sends it the old way, one
 * mail at a time: a mail tried before (the process may have died reading it), one Message-ID twice, a sender near the
 * hourly cap of new tickets. A mail whose apply fails does not take the others down: the batch's transaction is
 * rolled back and each mail is applied again in a transaction of its own, the failing one failing alone.
 */
final class GroupCommit {
    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    /** Mails larger than this are parsed one after the other, never side by side: the heap is bounded. */
    private static final long PARSE_ALONE_ABOVE = 1024L * 1024;

    private final MailProcessor single;
    private final TicketStore store;
    private final DecisionApplier applier;
    private final Clock clock;
    private final int maxAttempts;
    private final Limits limits;
    private static final int DISK_THREADS = 8;
    private ExecutorService workers;
    private ExecutorService disk;

    GroupCommit(MailProcessor single, TicketStore store, DecisionApplier applier, Clock clock, int maxAttempts,
            Limits limits) {
        this.single = single;
        this.store = store;
        this.applier = applier;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.limits = limits;
    }

    /** A mail kept, with the key it is known by and its header block, read before anything is counted. */
    private record Looked(RawMail raw, StoredPart kept, String key, Optional<InboundMail> head) {
    }

    List<Disposition> handleAll(List<RawMail> mails, MailHandler.Committed committed) {
        List<Looked> looked;
        try {
            looked = inParallel(mails, this::look, disk());
        } catch (UncheckedIOException e) {
            return single.oneAtATime(mails, committed); // the disk: each mail says so, and intake pauses
        }
        Optional<List<MailRecord>> records;
        try {
            records = store.inTransaction(tx -> countAttempts(tx, looked));
        } catch (StorageFailure e) {
            log.warn("cannot record {} mails: {}", mails.size(), e.getMessage());
            List<Disposition> paused = List.of(Disposition.pause("database unavailable: " + e.getMessage()));
            committed.mails(paused);
            return paused;
        }
        if (records.isEmpty()) {
            return single.oneAtATime(mails, committed);
        }
        List<Disposition> done = handleCounted(looked, records.get());
        committed.mails(done);
        return done;
    }

    private Looked look(RawMail raw) {
        StoredPart kept = single.keepRaw(raw);
        return new Looked(raw, kept, single.envelopeKey(kept), single.headersOnly(kept));
    }

    /**
     * Counts one attempt at each mail, or none at all (empty) when the batch must go one mail at a time: a mail
     * already tried and not handled, a key seen twice, a sender whose mails here could reach the hourly cap.
     */
    private Optional<List<MailRecord>> countAttempts(TicketTx tx, List<Looked> looked) {
        Set<String> keys = new HashSet<>();
        Map<String, Integer> headroom = new HashMap<>();
        for (Looked l : looked) {
            if (!keys.add(l.key())) {
                return Optional.empty();
            }
            Optional<MailRecord> known = tx.mail(l.key());
            if (known.isPresent() && known.get().state() != MailRecord.State.HANDLED && known.get().attempts() > 0) {
                return Optional.empty();
            }
            Optional<String> sender = l.head().flatMap(InboundMail::from).map(MailAddress::address);
            if (sender.isPresent()) {
                int left = headroom.computeIfAbsent(sender.get(), s -> applier.headroom(tx, s));
                if (left <= 0) {
                    return Optional.empty();
                }
                headroom.put(sender.get(), left - 1);
            }
        }
        List<MailRecord> records = new ArrayList<>(looked.size());
        for (Looked l : looked) {
            MailOrigin origin = new MailOrigin(l.raw().source().mailbox(), l.raw().source().folder(),
                    l.raw().source().uidValidity(),
                    l.raw().source().uid());
            records.add(tx.recordAttempt(l.key(), l.kept().sha256(), l.kept().size(), origin, clock.instant()));
        }
        return Optional.of(records);
    }

    private List<Disposition> handleCounted(List<Looked> looked, List<MailRecord> records) {
        int n = looked.size();
        Disposition[] done = new Disposition[n];
        List<Integer> toRead = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (records.get(i).state() == MailRecord.State.HANDLED) {
                log.info("mail {} was handled before; moving it only", records.get(i).key());
                done[i] = Disposition.processed();
            } else {
                toRead.add(i);
            }
        }
        List<MailProcessor.Reading> readings = read(toRead.stream().map(looked::get).toList());
        List<Integer> toApply = new ArrayList<>();
        InboundMail[] mails = new InboundMail[n];
        for (int k = 0; k < toRead.size(); k++) {
            int i = toRead.get(k);
            MailProcessor.Reading reading = readings.get(k);
            if (reading.mail().isPresent()) {
                mails[i] = reading.mail().get();
                toApply.add(i);
            } else {
                done[i] = single.failed(records.get(i), reading.failure(),
                        reading.hopeless() || records.get(i).attempts() >= maxAttempts);
            }
        }
        applyTogether(toApply, records, mails, done);
        return upToPause(done);
    }

    /** Parses the mails, the small ones side by side; a mail over the size limit is not read at all. */
    private List<MailProcessor.Reading> read(List<Looked> looked) {
        MailProcessor.Reading[] readings = new MailProcessor.Reading[looked.size()];
        List<Integer> small = new ArrayList<>();
        for (int k = 0; k < looked.size(); k++) {
            if (looked.get(k).raw().size() <= PARSE_ALONE_ABOVE) {
                small.add(k);
            }
        }
        List<MailProcessor.Reading> parsed = inParallel(small.stream().map(looked::get).toList(), this::readOne,
                workers());
        for (int j = 0; j < small.size(); j++) {
            readings[small.get(j)] = parsed.get(j);
        }
        for (int k = 0; k < looked.size(); k++) {
            if (readings[k] == null) {
                readings[k] = readOne(looked.get(k));
            }
        }
        return Arrays.asList(readings);
    }

    private MailProcessor.Reading readOne(Looked l) {
        if (l.raw().size() > limits.maxMessageBytes()) {
            return new MailProcessor.Reading(Optional.empty(), "the mail is " + l.raw().size() + " bytes, over the size"
                    + " limit of " + limits.maxMessageBytes() + " (limits.max-message-bytes)", true);
        }
        return single.read(l.kept(), l.raw().source());
    }

    /** One transaction for all; when it fails, one for each mail, so that the mail to blame fails alone. */
    private void applyTogether(List<Integer> toApply, List<MailRecord> records, InboundMail[] mails,
            Disposition[] done) {
        if (toApply.isEmpty()) {
            return;
        }
        List<Applied> applied;
        try {
            applied = store.inTransaction(tx -> {
                List<Applied> each = new ArrayList<>(toApply.size());
                for (int i : toApply) {
                    each.add(single.applyIn(tx, records.get(i), mails[i]));
                }
                return each;
            });
        } catch (RuntimeException | Error e) {
            log.warn("committing {} mails together failed ({}); committing them one at a time", toApply.size(),
                    MailProcessor.describe(e));
            for (int i : toApply) {
                done[i] = single.apply(records.get(i), mails[i]);
                if (done[i].action() == Disposition.Action.PAUSE) {
                    return;
                }
            }
            return;
        }
        for (int k = 0; k < toApply.size(); k++) {
            int i = toApply.get(k);
            done[i] = MailProcessor.outcome(records.get(i), applied.get(k));
        }
    }

    /** The dispositions in mail order, ending at the first pause: the mails after it stay in place. */
    private static List<Disposition> upToPause(Disposition[] done) {
        List<Disposition> list = new ArrayList<>(done.length);
        for (Disposition d : done) {
            if (d == null) {
                break;
            }
            list.add(d);
            if (d.action() == Disposition.Action.PAUSE) {
                break;
            }
        }
        return list;
    }

    /** Runs {@code work} on each item on the pool, results in the items' order; an unchecked failure is rethrown. */
    private <T, R> List<R> inParallel(List<T> items, Function<T, R> work, ExecutorService pool) {
        if (items.size() < 2) {
            return items.stream().map(work).toList();
        }
        List<Future<R>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            futures.add(pool.submit(() -> work.apply(item)));
        }
        List<R> results = new ArrayList<>(items.size());
        RuntimeException failure = null;
        for (Future<R> f : futures) {
            try {
                results.add(f.get());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IllegalStateException("interrupted while handling a batch of mails", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return results;
    }

    /** The parsers' pool, one thread a core (at most 4), started with the first batch. */
    private synchronized ExecutorService workers() {
        if (workers == null) {
            workers = pool(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), "guichet-parse-pool");
        }
        return workers;
    }

    /**
     * The pool that keeps the raw mails: mostly waiting for the disk to sync each file, which it does for several
     * files at once in about the time of one, so a few more threads than cores.
     */
    private synchronized ExecutorService disk() {
        if (disk == null) {
            disk = pool(DISK_THREADS, "guichet-keep");
        }
        return disk;
    }

    private static ExecutorService pool(int threads, String name) {
        return Executors.newFixedThreadPool(threads, DaemonThreads.named(name));
    }
}
