package org.guichet.pipeline;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.guichet.config.Limits;
import org.guichet.intake.Disposition;
import org.guichet.intake.MailHandler;
import org.guichet.intake.MailSource;
import org.guichet.intake.RawMail;
import org.guichet.intake.RefusedMail;
import org.guichet.parse.Attachment;
import org.guichet.parse.InboundMail;
import org.guichet.parse.MailParser;
import org.guichet.parse.StoredPart;
import org.guichet.route.Decision;
import org.guichet.route.Router;
import org.guichet.store.BlobStore;
import org.guichet.ticket.Applied;
import org.guichet.ticket.DecisionApplier;
import org.guichet.ticket.MailOrigin;
import org.guichet.ticket.MailRecord;
import org.guichet.ticket.StorageFailure;
import org.guichet.ticket.TicketStore;
import org.guichet.ticket.TicketTx;
import org.guichet.ticket.TxDirectory;
import org.guichet.ticket.UnusableMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one received mail from end to end: keeps its raw bytes (written once, by intake, and read from the
 * kept file from then on), parses it, routes it, and applies the
 * decision in one transaction together with its notifications and the mark that the mail is handled. A mail
 * whose handling fails is tried again a few times, then quarantined with the reason; a storage that is down
 * makes intake pause instead, since the mail is not to blame.
 */
public final class MailProcessor implements MailHandler {
    private static final Logger log = LoggerFactory.getLogger(MailProcessor.class);
    /** The most of a mail's head read to judge it before the full parse. */
    private static final int MAX_HEADER_BYTES = 1 << 20;
    private static final int MAX_KEY_LENGTH = 900;

    private final BlobStore rawStore;
    private final MailParser parser;
    private final Router router;
    private final TicketStore store;
    private final DecisionApplier applier;
    private final Clock clock;
    private final int maxAttempts;
    private final Limits limits;
    private final GroupCommit group;

    public MailProcessor(BlobStore rawStore, MailParser parser, Router router, TicketStore store,
            DecisionApplier applier, Clock clock, int maxAttempts, Limits limits) {
        this.rawStore = rawStore;
        this.parser = parser;
        this.router = router;
        this.store = store;
        this.applier = applier;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.limits = limits;
        this.group = new GroupCommit(this, store, applier, clock, maxAttempts, limits);
    }

    /** Several mails at once: parsed side by side and committed together (see {@link GroupCommit}). */
    @Override
    public List<Disposition> handleAll(List<RawMail> mails, Committed committed) {
        return mails.size() < 2 ? oneAtATime(mails, committed) : group.handleAll(mails, committed);
    }

    /** The mails handled as {@link #handle} does, each alone: the way a batch with a doubtful mail goes. */
    List<Disposition> oneAtATime(List<RawMail> mails, Committed committed) {
        return MailHandler.super.handleAll(mails, committed);
    }

    /** What reading a mail gave: the mail, or why it could not be read and whether trying again is pointless. */
    record Reading(Optional<InboundMail> mail, String failure, boolean hopeless) {
    }

    @Override
    public Disposition handle(RawMail raw) {
        StoredPart kept;
        try {
            kept = keepRaw(raw);
        } catch (UncheckedIOException e) {
            return Disposition.pause(e.getMessage());
        }
        Optional<Disposition> early = overTheCap(kept, raw.source());
        if (early.isPresent()) {
            return early.get();
        }
        // Counted before the parse, from the header's Message-ID alone (read from the kept file): a mail that kills or
        // stalls the parser is counted all the same, and is not read again once it has done so maxAttempts times.
        String key = envelopeKey(kept);
        Optional<MailRecord> record = attempt(key, kept.sha256(), kept.size(), raw.source());
        if (record.isEmpty()) {
            return Disposition.pause("database unavailable");
        }
        if (record.get().state() == MailRecord.State.HANDLED) {
            log.info("mail {} was handled before; moving it only", key);
            return Disposition.processed();
        }
        if (record.get().state() == MailRecord.State.RECEIVED && record.get().attempts() > maxAttempts) {
            return failed(record.get(), "reading the mail never finished on " + maxAttempts + " attempts: the"
                    + " daemon ran out of memory, crashed or was stopped while parsing it", true);
        }
        Reading reading = raw.size() > limits.maxMessageBytes()
                ? new Reading(Optional.empty(), "the mail is " + raw.size() + " bytes, over the size limit of "
                        + limits.maxMessageBytes() + " (limits.max-message-bytes)", true)
                : read(kept, raw.source());
        return reading.mail().map(mail -> apply(record.get(), mail))
                .orElseGet(() -> failed(record.get(), reading.failure(),
                        reading.hopeless() || record.get().attempts() >= maxAttempts));
    }

    @Override
    public Disposition refuse(RefusedMail refused) {
        String key = refused.messageId().map(MailProcessor::idKey)
                .orElse("imap:" + refused.source().folder() + "/" + refused.source().uidValidity() + "/"
                        + refused.source().uid());
        Optional<MailRecord> record = attempt(key, null, refused.size(), refused.source());
        if (record.isEmpty()) {
            return Disposition.pause("database unavailable");
        }
        if (record.get().state() == MailRecord.State.HANDLED) {
            return Disposition.processed();
        }
        return failed(record.get(), refused.reason(), true);
    }

    /**
     * A mail from a sender over the hourly cap that would open a ticket or ask for {@code #mytickets} is
     * quarantined from its header block alone: its attachments are not written before it is refused.
     */
    private Optional<Disposition> overTheCap(StoredPart kept, MailSource source) {
        Optional<InboundMail> head = headersOnly(kept);
        Optional<String> sender = head.flatMap(InboundMail::from).map(a -> a.address());
        if (sender.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> reason;
        try {
            reason = store.inTransaction(tx -> applier.atTheCap(tx, sender.get())
                    ? applier.overTheCapEarly(tx, head.get(), router.decide(head.get(), new TxDirectory(tx)))
                    : Optional.<String>empty());
        } catch (StorageFailure e) {
            return Optional.of(Disposition.pause("database unavailable: " + e.getMessage()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (reason.isEmpty()) {
            return Optional.empty();
        }
        Optional<MailRecord> record = attempt(envelopeKey(kept), kept.sha256(), kept.size(), source);
        if (record.isEmpty()) {
            return Optional.of(Disposition.pause("database unavailable"));
        }
        if (record.get().state() == MailRecord.State.HANDLED) {
            return Optional.of(Disposition.processed());
        }
        // failed() logs it: one line per refused mail, even in a flood
        return Optional.of(failed(record.get(), "before it was read in full: " + reason.get(), true));
    }

    /** Records one more attempt at the mail; empty when the database cannot be reached. */
    private Optional<MailRecord> attempt(String key, String sha256, long size, MailSource source) {
        try {
            MailOrigin origin = new MailOrigin(source.mailbox(), source.folder(), source.uidValidity(), source.uid());
            return Optional.of(store.inTransaction(tx -> tx.recordAttempt(key, sha256, size, origin, clock.instant())));
        } catch (StorageFailure e) {
            log.warn("cannot record mail {}: {}", key, e.getMessage());
            return Optional.empty();
        }
    }

    Disposition apply(MailRecord record, InboundMail mail) {
        try {
            return outcome(record, store.inTransaction(tx -> applyIn(tx, record, mail)));
        } catch (UnusableMail e) {
            return failed(record, e.getMessage(), true);
        } catch (StorageFailure e) {
            if (!databaseAnswers()) {
                return Disposition.pause("database unavailable: " + e.getMessage());
            }
            // the database is up, so it refused this mail's data: the mail is to blame
            return failed(record, describe(e), record.attempts() >= maxAttempts);
        } catch (RuntimeException | Error e) {
            log.error("handling mail {} failed: {}", record.key(), describe(e));
            return failed(record, describe(e), record.attempts() >= maxAttempts);
        }
    }

    /** Routes the mail and applies the decision inside {@code tx}: the mail is marked handled with its effects. */
    Applied applyIn(TicketTx tx, MailRecord record, InboundMail mail) {
        List<Attachment> leftOut = mail.attachments().stream()
                .filter(a -> a.size() > limits.maxAttachmentBytes()).toList();
        Decision decision = router.decide(mail, new TxDirectory(tx));
        return applier.apply(tx, record, mail, decision, leftOut);
    }

    /** What the mailbox does with a mail once its decision is committed. */
    static Disposition outcome(MailRecord record, Applied applied) {
        if (applied.quarantine().isPresent()) {
            log.warn("mail {} quarantined: {}", record.key(), applied.quarantine().get());
            return Disposition.quarantine(applied.quarantine().get());
        }
        // intake logs the one line per mail, with its UID and duration
        return applied.ticket().map(Disposition::processedOn).orElseGet(Disposition::processed);
    }

    /** Records the failure: quarantined with its reason, or left to be tried again. */
    Disposition failed(MailRecord record, String reason, boolean quarantine) {
        log.warn("mail {} failed (attempt {} of {}): {}", record.key(), record.attempts(), maxAttempts, reason);
        try {
            store.inTransaction(tx -> {
                tx.markFailed(record.id(), reason, quarantine, clock.instant());
                return null;
            });
        } catch (StorageFailure e) {
            return Disposition.pause("database unavailable: " + e.getMessage());
        }
        return quarantine ? Disposition.quarantine(reason) : Disposition.retry(reason);
    }

    private boolean databaseAnswers() {
        try {
            store.inTransaction(tx -> tx.mail(""));
            return true;
        } catch (StorageFailure e) {
            return false;
        }
    }

    StoredPart keepRaw(RawMail raw) {
        try {
            return raw.bytes().isPresent() ? rawStore.store(raw.bytes().get()) : rawStore.keep(raw.file().orElseThrow());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the raw bytes of " + raw.source() + ": " + e.getMessage(), e);
        }
    }

    /** The kept copy: what is parsed is what is kept, whatever happens to intake's file meanwhile. */
    private Path fileOf(StoredPart kept) {
        return keptFile(kept).orElseThrow(() -> new UncheckedIOException(
                new IOException("the kept copy " + kept.sha256() + " is missing from " + rawStore.root())));
    }

    private Optional<Path> keptFile(StoredPart kept) {
        return rawStore.find(kept.sha256());
    }

    /**
     * The parser records bad mail as problems; what still escapes it (a bug, a failing disk, a parse past
     * limits.parse-timeout, running out of memory) is a failure of this mail, never of intake. A mail whose MIME
     * structure is past the parser's bounds (a parts bomb) is not worth reading again. The parser reads the kept
     * file in place (house links intake's spool file into the store): no further copy is made.
     */
    Reading read(StoredPart kept, MailSource source) {
        try {
            InboundMail mail = parser.parse(fileOf(kept), limits.parseTimeout());
            return MailParser.structureCut(mail)
                    .map(cut -> new Reading(Optional.empty(), "the mail's MIME structure is past the parser's"
                            + " bounds: " + cut, true))
                    .orElseGet(() -> new Reading(Optional.of(mail), "", false));
        } catch (RuntimeException | Error e) {
            log.error("reading mail {} failed: {}", source, describe(e));
            return new Reading(Optional.empty(), "the mail could not be read: " + describe(e), false);
        }
    }

    /** A mail is known by its header's Message-ID, or by the hash of its bytes when it has none. */
    String envelopeKey(StoredPart kept) {
        return keptFile(kept).flatMap(MailParser::envelopeMessageId).map(MailProcessor::idKey)
                .orElse("sha256:" + kept.sha256());
    }

    /** The header block alone, parsed: enough to know the sender and what the mail asks, without its parts. */
    Optional<InboundMail> headersOnly(StoredPart kept) {
        try (InputStream in = Files.newInputStream(fileOf(kept))) {
            byte[] head = in.readNBytes(MAX_HEADER_BYTES);
            int end = headerEnd(head);
            return end < 0 ? Optional.empty()
                    : Optional.of(parser.parse(new ByteArrayInputStream(head, 0, end)));
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return Optional.empty();
        }
    }

    private static int headerEnd(byte[] head) {
        for (int i = 0; i + 1 < head.length; i++) {
            if (head[i] == '\n' && (head[i + 1] == '\n' || (head[i + 1] == '\r' && i + 2 < head.length
                    && head[i + 2] == '\n'))) {
                return i + 1;
            }
        }
        return -1;
    }

    static String describe(Throwable e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** A mail is known by its Message-ID, or by the hash of its bytes when it has none. */
    private static String idKey(String id) {
        return id.length() <= MAX_KEY_LENGTH ? "<" + id + ">" : "<sha256:" + sha256(id) + ">";
    }

    private static String sha256(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
