package org.guichet.intake;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.guichet.PrivateFiles;
import org.guichet.config.Imap;
import org.guichet.connect.MailLogin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over the watched folder, as a pipeline: the mails are taken in batches (one UID FETCH each), the next
 * batch downloading while the handler parses and commits the current one together; once a batch is committed its
 * processed mails go to Processed in one move, and the quarantined ones to Quarantine. A crash between the commit
 * and the move leaves at most a batch of handled mails in place, recognised and moved on the next pass. A mail the
 * handler asks to retry stays where it is; when the handler says the storage is unavailable, the pass stops and
 * leaves everything from that mail on in place.
 */
public final class ImapIntake {
    private static final Logger log = LoggerFactory.getLogger(ImapIntake.class);
    /**
     * Mails a batch, one {@code UID FETCH}, one transaction and one {@code UID MOVE}: the commit and the server's move
     * cost about the same for 50 mails as for 200, so batches of 200 drained 5,000 waiting mails 1.3 to 1.7 times as
     * fast in {@code guichet bench}. A pass starts with 20 and doubles (20, 40, 80, 160, then 200): the first mails
     * of a backlog (and those after a restart) are committed, moved and answered as soon as with small batches, and
     * a crash leaves few handled mails in place; a drain of 5,000 takes three batches more than with 200 from the
     * start. The bytes bound below still caps what a batch holds in memory.
     */
    private static final int FIRST_BATCH_MESSAGES = 20;
    private static final int BATCH_MESSAGES = 200;
    private static final long BATCH_BYTES = 8L * 1024 * 1024;
    private static final long STREAM_ABOVE = 1024L * 1024;
    private static final long SPOOL_LEFTOVER_MILLIS = 60L * 60 * 1000;

    /** Mails handled one at a time are moved this many together (or after a second): one MOVE is a round trip. */
    static final int MOVE_EVERY = 10;
    private static final long MOVE_AFTER_NANOS = 1_000_000_000L;
    private final Imap imap;
    private final long maxMessageBytes;
    private final MailHandler handler;
    private final Path spool;
    private final UidValidityWatch uidValidity;
    private final IntakeListener listener;
    private final MailLogin login;
    private final String mailboxName;

    public ImapIntake(Imap imap, long maxMessageBytes, MailHandler handler, Path spool, MailboxMemory memory) {
        this(imap, ImapSession.login(imap, Clock.systemUTC()), maxMessageBytes, handler, spool, memory,
                IntakeListener.NONE);
    }

    /** With the mailbox's login built once by the caller, so that an OAuth2 token outlives one intake. */
    public ImapIntake(Imap imap, MailLogin login, long maxMessageBytes, MailHandler handler, Path spool,
            MailboxMemory memory, IntakeListener listener) {
        this("", imap, login, maxMessageBytes, handler, spool, memory, listener);
    }

    /**
     * The intake of one of several mailboxes, named {@code mailbox} in the config: each mail it reads says so, and
     * its UIDVALIDITY memory is its own.
     */
    public ImapIntake(String mailbox, Imap imap, MailLogin login, long maxMessageBytes, MailHandler handler,
            Path spool, MailboxMemory memory, IntakeListener listener) {
        this.mailboxName = mailbox;
        this.imap = imap;
        this.login = login;
        this.maxMessageBytes = maxMessageBytes;
        this.handler = handler;
        this.spool = spool;
        this.uidValidity = new UidValidityWatch(mailbox.isEmpty() ? memory : memory.of(mailbox));
        this.listener = listener;
    }

    Imap config() {
        return imap;
    }

    MailLogin login() {
        return login;
    }

    /** The mailbox's name in the config; empty for an intake built without one. */
    public String mailbox() {
        return mailboxName;
    }

    /** The login this intake uses, for {@code config check} and the composition root. */
    public static MailLogin newLogin(Imap imap, Clock clock) {
        return ImapSession.login(imap, clock);
    }

    /** What one pass did: mails moved away, mails left in place, and whether the storage made it stop. */
    record Pass(int handled, int leftInPlace, boolean paused) {
    }

    /** Handles everything waiting in the folder on this connection, while {@code keepGoing} says so. */
    Pass drain(Mailbox mailbox, BooleanSupplier keepGoing) throws MessagingException {
        long validity = mailbox.uidValidity();
        uidValidity.changed(imap.folder(), validity);
        List<Message> waiting = mailbox.messages();
        Map<Message, Long> uids = uids(mailbox, waiting);
        List<List<Message>> batches = batches(waiting);
        int handled = 0;
        try (FolderWork server = new FolderWork(mailbox)) {
            try {
                if (!batches.isEmpty()) {
                    server.fetch(smallOnes(uids, batches.get(0)));
                }
                for (int i = 0; i < batches.size(); i++) {
                    if (!keepGoing.getAsBoolean()) {
                        return new Pass(handled, waiting.size() - handled, false);
                    }
                    Map<Long, byte[]> fetched = server.take();
                    if (i + 1 < batches.size()) {
                        server.fetch(smallOnes(uids, batches.get(i + 1)));
                    }
                    List<Waiting> batch = new ArrayList<>();
                    try {
                        Optional<String> spoolFailure = prepare(mailbox, batches.get(i), uids, validity, fetched,
                                batch);
                        Batch done = handleBatch(mailbox, server, batch, spoolFailure);
                        handled += done.handled();
                        if (done.paused().isPresent()) {
                            log.warn("intake paused, {} mail(s) left in {}: {}", waiting.size() - handled,
                                    imap.folder(), done.paused().get());
                            return new Pass(handled, waiting.size() - handled, true);
                        }
                    } finally {
                        batch.forEach(w -> w.spoolFile().ifPresent(ImapIntake::deleteQuietly));
                    }
                }
                return new Pass(handled, waiting.size() - handled, false);
            } finally {
                server.finish();
            }
        }
    }

    /** Every UID, read once, while nothing else runs on the folder (the server sent them with the list). */
    private static Map<Message, Long> uids(Mailbox mailbox, List<Message> messages) throws MessagingException {
        Map<Message, Long> uids = new HashMap<>();
        for (Message m : messages) {
            uids.put(m, mailbox.uid(m));
        }
        return uids;
    }

    /**
     * A mail of the batch in hand: what the folder said of it, and its raw mail, in memory when downloaded with the
     * batch or in a spool file when it was streamed (none when it is refused unread).
     */
    private record Waiting(Message message, MailSource source, long size, Optional<Instant> arrived, RawMail raw) {
        boolean refused() {
            return raw == null;
        }

        Optional<Path> spoolFile() {
            return refused() ? Optional.empty() : raw.file();
        }
    }

    /** What a batch gave: the mails moved away, and the reason intake must pause, if it must. */
    private record Batch(int handled, Optional<String> paused) {
    }

    /**
     * Reads from the folder all that handling the batch needs (UIDs, sizes, arrival dates, the bytes of the large
     * mails, streamed to a spool file each). Stops at a spool failure, which it returns.
     */
    private Optional<String> prepare(Mailbox mailbox, List<Message> messages, Map<Message, Long> uids, long validity,
            Map<Long, byte[]> fetched, List<Waiting> batch) throws MessagingException {
        for (Message m : messages) {
            if (m.isExpunged()) {
                continue; // someone else deleted or moved it meanwhile
            }
            long uid = uids.get(m);
            MailSource source = new MailSource(mailboxName, imap.folder(), validity, uid);
            long size = m.getSize();
            if (size > maxMessageBytes) {
                batch.add(new Waiting(m, source, size, arrived(m), null));
                continue;
            }
            // the size downloaded, not the one the server announced: the limits apply to the bytes themselves
            byte[] bytes = fetched.remove(uid);
            if (bytes != null) {
                batch.add(new Waiting(m, source, bytes.length, arrived(m), RawMail.inMemory(bytes, source)));
                continue;
            }
            try {
                Path file = spool(mailbox, m);
                long spooled = Files.size(file);
                batch.add(new Waiting(m, source, spooled, arrived(m), new RawMail(file, spooled, source)));
            } catch (IOException | UncheckedIOException e) {
                return Optional.of("cannot write the mail to the spool folder " + spool + ": " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    /**
     * Hands the batch's mails to the handler together, in their order (a mail refused unread splits them), and has
     * them moved as the handler says they are committed: a batch committed together goes in one move, mails handled
     * one at a time go ten at a time (or after a second), as they did before batches.
     */
    private Batch handleBatch(Mailbox mailbox, FolderWork server, List<Waiting> batch, Optional<String> spoolFailure)
            throws MessagingException {
        Finisher finisher = new Finisher(server, System.nanoTime());
        try {
            List<Waiting> group = new ArrayList<>();
            for (int i = 0; i <= batch.size() && finisher.paused.isEmpty(); i++) {
                Waiting w = i < batch.size() ? batch.get(i) : null;
                if (w != null && !w.refused()) {
                    group.add(w);
                    continue;
                }
                handleGroup(group, finisher);
                group.clear();
                if (w != null && finisher.paused.isEmpty()) {
                    finisher.finish(w, refuse(mailbox, w));
                }
            }
        } finally {
            finisher.flush();
        }
        finisher.rethrow();
        return new Batch(finisher.handled, finisher.paused.isPresent() ? finisher.paused : spoolFailure);
    }

    /**
     * The handler should never throw; if it does all the same for a group, the mails it did not say were committed
     * are handed over again one at a time, so that the one to blame fails alone.
     */
    private void handleGroup(List<Waiting> group, Finisher finisher) {
        if (group.isEmpty()) {
            return;
        }
        List<RawMail> mails = group.stream().map(Waiting::raw).toList();
        int[] told = {0};
        MailHandler.Committed committed = next -> {
            for (Disposition d : next) {
                finisher.finish(group.get(told[0]++), d);
            }
            finisher.moveWhenDue();
        };
        try {
            handler.handleAll(mails, committed);
            return;
        } catch (RuntimeException | Error e) {
            log.error("handling {} mails together failed unexpectedly; handling the rest one at a time", mails.size(),
                    e);
        }
        for (int i = told[0]; i < mails.size() && finisher.paused.isEmpty(); i++) {
            RawMail mail = mails.get(i);
            finisher.finish(group.get(i), guarded(mail.source(), () -> handler.handle(mail)));
            finisher.moveWhenDue();
        }
    }

    /**
     * What becomes of the batch's mails as they are committed: one INFO line a mail (a WARN when it is not
     * processed), the listener told, the move asked of the folder's thread. A failed move shows after the batch.
     */
    private final class Finisher {
        private final FolderWork server;
        private final long start;
        private final List<Message> processed = new ArrayList<>();
        private long oldest;
        private int handled;
        private Optional<String> paused = Optional.empty();
        private MessagingException failure;

        Finisher(FolderWork server, long start) {
            this.server = server;
            this.start = start;
        }

        void finish(Waiting w, Disposition d) {
            if (d.action() == Disposition.Action.PAUSE) {
                paused = Optional.of(d.reason());
                return;
            }
            if (paused.isPresent()) {
                return; // the handler goes no further than a pause; nothing after it is moved
            }
            handled += d.action() == Disposition.Action.RETRY ? 0 : 1;
            long tookNanos = System.nanoTime() - start;
            log(w, d, tookNanos / 1_000_000);
            if (d.action() == Disposition.Action.PROCESSED) {
                if (processed.isEmpty()) {
                    oldest = System.nanoTime();
                }
                processed.add(w.message());
            } else if (d.action() == Disposition.Action.QUARANTINE) {
                ask(() -> server.moveToQuarantine(List.of(w.message())));
            }
            listener.handled(w.source(), d, Duration.ofNanos(tookNanos), w.arrived());
        }

        /** Moves the mails committed so far once there are ten of them, or the first waited a second. */
        void moveWhenDue() {
            boolean waitedLong = !processed.isEmpty() && System.nanoTime() - oldest >= MOVE_AFTER_NANOS;
            if (processed.size() >= MOVE_EVERY || waitedLong) {
                flush();
            }
        }

        void flush() {
            if (!processed.isEmpty()) {
                List<Message> now = List.copyOf(processed);
                processed.clear();
                ask(() -> server.moveToProcessed(now));
            }
        }

        private void ask(FolderRequest request) {
            try {
                request.run();
            } catch (MessagingException e) {
                failure = failure == null ? e : failure;
            }
        }

        void rethrow() throws MessagingException {
            if (failure != null) {
                throw failure;
            }
        }
    }

    @FunctionalInterface
    private interface FolderRequest {
        void run() throws MessagingException;
    }

    private void log(Waiting w, Disposition d, long millis) {
        long uid = w.source().uid();
        switch (d.action()) {
            case PROCESSED -> {
                if (log.isInfoEnabled()) {
                    String ticket = d.ticket().map(t -> "#" + t).orElse("none");
                    log.atInfo().addKeyValue("uid", uid).addKeyValue("ticket", ticket)
                            .addKeyValue("durationMs", millis).addKeyValue("outcome", "processed")
                            .log("mail UID {} handled, ticket {}, in {} ms", uid, ticket, millis);
                }
            }
            case QUARANTINE -> log.atWarn().addKeyValue("uid", uid).addKeyValue("durationMs", millis)
                    .addKeyValue("outcome", "quarantined")
                    .log("mail UID {} moved to {} after {} ms: {}", uid, imap.quarantineFolder(), millis, d.reason());
            case RETRY -> log.atWarn().addKeyValue("uid", uid).addKeyValue("durationMs", millis)
                    .addKeyValue("outcome", "retry")
                    .log("mail UID {} left in {} to try again after {} ms: {}", uid, imap.folder(), millis,
                            d.reason());
            case PAUSE -> { }
        }
    }

    /** When the server received the mail, read before the mail is moved away (and expunged from this folder). */
    private static Optional<Instant> arrived(Message m) {
        try {
            return Optional.ofNullable(m.getReceivedDate()).map(java.util.Date::toInstant);
        } catch (MessagingException e) {
            return Optional.empty();
        }
    }

    private Disposition refuse(Mailbox mailbox, Waiting w) throws MessagingException {
        String reason = "the mail is " + w.size() + " bytes, over the size limit of " + maxMessageBytes
                + " (limits.max-message-bytes); it was not downloaded";
        RefusedMail refused = new RefusedMail(w.source(), mailbox.messageId(w.message()), w.size(), reason);
        return guarded(w.source(), () -> handler.refuse(refused));
    }

    private static List<Long> smallOnes(Map<Message, Long> uids, List<Message> batch) throws MessagingException {
        List<Long> small = new ArrayList<>();
        for (Message m : batch) {
            if (m.getSize() <= STREAM_ABOVE) {
                small.add(uids.get(m));
            }
        }
        return small;
    }

    private static List<List<Message>> batches(List<Message> messages) throws MessagingException {
        List<List<Message>> batches = new ArrayList<>();
        List<Message> current = new ArrayList<>();
        long bytes = 0;
        int most = FIRST_BATCH_MESSAGES;
        for (Message m : messages) {
            long size = Math.max(0, Math.min(m.getSize(), STREAM_ABOVE));
            if (!current.isEmpty() && (current.size() >= most || bytes + size > BATCH_BYTES)) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
                most = Math.min(BATCH_MESSAGES, most * 2);
            }
            current.add(m);
            bytes += size;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    /** The mail's bytes in a spool file of its own, streamed from the server: a large mail, or one the batch missed. */
    private Path spool(Mailbox mailbox, Message m) throws IOException, MessagingException {
        Path file = spoolFile();
        boolean written = false;
        try (OutputStream out = Files.newOutputStream(file)) {
            mailbox.writeRaw(m, out);
            written = true;
        } finally {
            if (!written) {
                deleteQuietly(file);
            }
        }
        return file;
    }

    /**
     * The handler should never throw; if it does all the same, even with an Error such as OutOfMemoryError (the
     * heap it filled is garbage once the mail is dropped), the mail stays in place, counted as failed by the
     * handler's attempt, and intake goes on.
     */
    private static Disposition guarded(MailSource source, java.util.function.Supplier<Disposition> work) {
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            log.error("handling mail UID {} failed unexpectedly; it stays in place", source.uid(), e);
            return Disposition.retry(e.toString());
        }
    }

    private Path spoolFile() throws IOException {
        return PrivateFiles.createTempFile(spool, "mail-", ".eml");
    }

    /**
     * Deletes spool files left by a process that was killed (their mails are still in the folder); only old
     * ones, since a {@code run --once} beside the daemon must not pull a file from under it.
     */
    void cleanSpool() {
        if (!Files.isDirectory(spool)) {
            return;
        }
        try {
            PrivateFiles.ownerOnly(spool); // checked here, once, rather than for each mail spooled
        } catch (IOException e) {
            log.warn("cannot make the spool folder {} private: {}", spool, e.getMessage());
        }
        long before = System.currentTimeMillis() - SPOOL_LEFTOVER_MILLIS;
        try (var files = Files.list(spool)) {
            files.filter(f -> f.getFileName().toString().startsWith("mail-") && modifiedBefore(f, before))
                    .forEach(ImapIntake::deleteQuietly);
        } catch (IOException e) {
            log.warn("cannot clean the spool folder {}: {}", spool, e.getMessage());
        }
    }

    private static boolean modifiedBefore(Path file, long millis) {
        try {
            return Files.getLastModifiedTime(file).toMillis() < millis;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("cannot delete spool file {}: {}", file, e.getMessage());
        }
    }
}
