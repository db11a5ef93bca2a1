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
 * One pass over the watched folder: every message is fetched to a file, handed to the handler, and moved
 * to Processed or Quarantine once the handler has committed its work. Processed mails are moved a few at a
 * time (every {@value #MOVE_EVERY} mails or second), since one MOVE a mail costs a round trip each: a crash
 * leaves at most that many committed mails unmoved, and they are recognised and moved on the next pass. A mail the handler asks to retry stays where it is; when the handler says the
 * storage is unavailable, the pass stops and leaves everything in place.
 */
public final class ImapIntake {
    private static final Logger log = LoggerFactory.getLogger(ImapIntake.class);
    private static final int BATCH_MESSAGES = 50;
    private static final long BATCH_BYTES = 8L * 1024 * 1024;
    private static final long STREAM_ABOVE = 1024L * 1024;
    private static final long SPOOL_LEFTOVER_MILLIS = 60L * 60 * 1000;
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
        Moves moves = new Moves(mailbox);
        int handled = 0;
        try {
            for (List<Message> batch : batches(waiting)) {
                Map<Long, byte[]> fetched = mailbox.fetchRaw(smallOnes(mailbox, batch));
                for (Message m : batch) {
                    if (!keepGoing.getAsBoolean()) {
                        return new Pass(handled, waiting.size() - handled, false);
                    }
                    if (m.isExpunged()) {
                        continue; // someone else deleted or moved it meanwhile
                    }
                    long uid = mailbox.uid(m);
                    Disposition d = dispose(mailbox, moves, m, new MailSource(mailboxName, imap.folder(), validity, uid),
                            fetched.remove(uid));
                    if (d.action() == Disposition.Action.PAUSE) {
                        log.warn("intake paused, {} mail(s) left in {}: {}", waiting.size() - handled, imap.folder(),
                                d.reason());
                        return new Pass(handled, waiting.size() - handled, true);
                    }
                    handled += d.action() == Disposition.Action.RETRY ? 0 : 1;
                }
                moves.flush();
            }
            return new Pass(handled, waiting.size() - handled, false);
        } finally {
            moves.flush();
        }
    }

    /** The processed mails waiting for their move: a few at a time, never more than a second. */
    private static final class Moves {
        private final Mailbox mailbox;
        private final List<Message> pending = new ArrayList<>();
        private long since;

        Moves(Mailbox mailbox) {
            this.mailbox = mailbox;
        }

        void add(Message m) throws MessagingException {
            if (pending.isEmpty()) {
                since = System.nanoTime();
            }
            pending.add(m);
            if (pending.size() >= MOVE_EVERY || System.nanoTime() - since >= MOVE_AFTER_NANOS) {
                flush();
            }
        }

        void flush() throws MessagingException {
            if (!pending.isEmpty()) {
                List<Message> now = List.copyOf(pending);
                pending.clear();
                mailbox.moveToProcessed(now);
            }
        }
    }

    private Disposition dispose(Mailbox mailbox, Moves moves, Message m, MailSource source, byte[] prefetched)
            throws MessagingException {
        long start = System.nanoTime();
        Optional<Instant> arrived = arrived(m);
        Disposition d = m.getSize() > maxMessageBytes ? refuse(mailbox, m, source) : handleOne(mailbox, m, source, prefetched);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String ticket = d.ticket().map(t -> "#" + t).orElse("none");
        switch (d.action()) {
            case PROCESSED -> {
                moves.add(m);
                log.atInfo().addKeyValue("uid", source.uid()).addKeyValue("ticket", ticket)
                        .addKeyValue("durationMs", took.toMillis()).addKeyValue("outcome", "processed")
                        .log("mail UID {} handled, ticket {}, in {} ms", source.uid(), ticket, took.toMillis());
            }
            case QUARANTINE -> {
                log.atWarn().addKeyValue("uid", source.uid()).addKeyValue("durationMs", took.toMillis())
                        .addKeyValue("outcome", "quarantined")
                        .log("mail UID {} moved to {} after {} ms: {}", source.uid(), imap.quarantineFolder(),
                                took.toMillis(), d.reason());
                mailbox.moveToQuarantine(List.of(m));
            }
            case RETRY -> log.atWarn().addKeyValue("uid", source.uid()).addKeyValue("durationMs", took.toMillis())
                    .addKeyValue("outcome", "retry")
                    .log("mail UID {} left in {} to try again after {} ms: {}", source.uid(), imap.folder(),
                            took.toMillis(), d.reason());
            case PAUSE -> { }
        }
        if (d.action() != Disposition.Action.PAUSE) {
            listener.handled(source, d, took, arrived);
        }
        return d;
    }

    /** When the server received the mail, read before the mail is moved away (and expunged from this folder). */
    private static Optional<Instant> arrived(Message m) {
        try {
            return Optional.ofNullable(m.getReceivedDate()).map(java.util.Date::toInstant);
        } catch (MessagingException e) {
            return Optional.empty();
        }
    }

    private Disposition refuse(Mailbox mailbox, Message m, MailSource source) throws MessagingException {
        String reason = "the mail is " + m.getSize() + " bytes, over the size limit of " + maxMessageBytes
                + " (limits.max-message-bytes); it was not downloaded";
        RefusedMail refused = new RefusedMail(source, mailbox.messageId(m), m.getSize(), reason);
        return guarded(source, () -> handler.refuse(refused));
    }

    private List<Long> smallOnes(Mailbox mailbox, List<Message> batch) throws MessagingException {
        List<Long> small = new ArrayList<>();
        for (Message m : batch) {
            if (m.getSize() <= STREAM_ABOVE) {
                small.add(mailbox.uid(m));
            }
        }
        return small;
    }

    private static List<List<Message>> batches(List<Message> messages) throws MessagingException {
        List<List<Message>> batches = new ArrayList<>();
        List<Message> current = new ArrayList<>();
        long bytes = 0;
        for (Message m : messages) {
            long size = Math.max(0, Math.min(m.getSize(), STREAM_ABOVE));
            if (!current.isEmpty() && (current.size() >= BATCH_MESSAGES || bytes + size > BATCH_BYTES)) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(m);
            bytes += size;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    private Disposition handleOne(Mailbox mailbox, Message m, MailSource source, byte[] prefetched)
            throws MessagingException {
        Path file = null;
        try {
            file = spoolFile();
            try (OutputStream out = Files.newOutputStream(file)) {
                if (prefetched != null) {
                    out.write(prefetched);
                } else {
                    mailbox.writeRaw(m, out);
                }
            }
            RawMail raw = new RawMail(file, Files.size(file), source);
            return guarded(source, () -> handler.handle(raw));
        } catch (IOException | UncheckedIOException e) {
            return Disposition.pause("cannot write the mail to the spool folder " + spool + ": " + e.getMessage());
        } finally {
            deleteQuietly(file);
        }
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
        PrivateFiles.createDirectories(spool);
        return Files.createTempFile(spool, "mail-", ".eml");
    }

    /**
     * Deletes spool files left by a process that was killed (their mails are still in the folder); only old
     * ones, since a {@code run --once} beside the daemon must not pull a file from under it.
     */
    void cleanSpool() {
        if (!Files.isDirectory(spool)) {
            return;
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
