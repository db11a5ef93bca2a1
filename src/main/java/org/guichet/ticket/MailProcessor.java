package org.guichet.ticket;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import org.guichet.intake.Disposition;
import org.guichet.intake.MailHandler;
import org.guichet.intake.RawMail;
import org.guichet.parse.AttachmentSink;
import org.guichet.parse.InboundMail;
import org.guichet.parse.MailParser;
import org.guichet.parse.StoredPart;
import org.guichet.route.Decision;
import org.guichet.route.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one received mail from end to end: keeps its raw bytes, parses it, routes it, and applies the
 * decision in one transaction together with its notifications and the mark that the mail is handled.
 */
public final class MailProcessor implements MailHandler {
    private static final Logger log = LoggerFactory.getLogger(MailProcessor.class);
    private static final int MAX_KEY_LENGTH = 900;

    private final AttachmentSink rawStore;
    private final MailParser parser;
    private final Router router;
    private final TicketStore store;
    private final DecisionApplier applier;
    private final Clock clock;
    private final int maxAttempts;

    public MailProcessor(AttachmentSink rawStore, MailParser parser, Router router, TicketStore store,
            DecisionApplier applier, Clock clock, int maxAttempts) {
        this.rawStore = rawStore;
        this.parser = parser;
        this.router = router;
        this.store = store;
        this.applier = applier;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public Disposition handle(RawMail raw) {
        StoredPart kept = keepRaw(raw);
        InboundMail mail = parse(raw);
        String key = keyOf(mail, kept);
        Instant now = clock.instant();
        MailRecord record;
        try {
            record = store.inTransaction(tx -> tx.recordAttempt(key, kept.sha256(), kept.size(), raw.source(), now));
        } catch (StorageFailure e) {
            return Disposition.retry("database unavailable: " + e.getMessage());
        }
        if (record.state() == MailRecord.State.HANDLED) {
            log.info("mail {} was handled before; moving it only", key);
            return Disposition.processed();
        }
        return apply(record, mail);
    }

    private Disposition apply(MailRecord record, InboundMail mail) {
        try {
            Applied applied = store.inTransaction(tx -> {
                Decision decision = router.decide(mail, new TxDirectory(tx));
                return applier.apply(tx, record, mail, decision);
            });
            if (applied.quarantine().isPresent()) {
                log.warn("mail {} quarantined: {}", record.key(), applied.quarantine().get());
                return Disposition.quarantine(applied.quarantine().get());
            }
            log.info("mail {} handled{}", record.key(), applied.ticket().map(t -> " on ticket #" + t).orElse(" (no ticket)"));
            return Disposition.processed();
        } catch (StorageFailure e) {
            return Disposition.retry("database unavailable: " + e.getMessage());
        } catch (UnusableMail e) {
            return failed(record, e, true);
        } catch (RuntimeException e) {
            return failed(record, e, record.attempts() >= maxAttempts);
        }
    }

    /** A mail whose handling fails is tried again, a few times, then quarantined with the reason. */
    private Disposition failed(MailRecord record, RuntimeException e, boolean quarantine) {
        String reason = e instanceof UnusableMail ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
        log.warn("mail {} failed (attempt {} of {}): {}", record.key(), record.attempts(), maxAttempts, reason, e);
        try {
            store.inTransaction(tx -> {
                tx.markFailed(record.id(), reason, quarantine);
                return null;
            });
        } catch (StorageFailure ignored) {
            return Disposition.retry("database unavailable: " + ignored.getMessage());
        }
        return quarantine ? Disposition.quarantine(reason) : Disposition.retry(reason);
    }

    private StoredPart keepRaw(RawMail raw) {
        try (InputStream in = Files.newInputStream(raw.file())) {
            return rawStore.store(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the raw bytes of " + raw.source() + ": " + e.getMessage(), e);
        }
    }

    private InboundMail parse(RawMail raw) {
        try (InputStream in = Files.newInputStream(raw.file())) {
            return parser.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the mail " + raw.source() + ": " + e.getMessage(), e);
        }
    }

    /** A mail is known by its Message-ID, or by the hash of its bytes when it has none. */
    static String keyOf(InboundMail mail, StoredPart raw) {
        return mail.messageId()
                .map(id -> id.length() <= MAX_KEY_LENGTH ? "<" + id + ">" : "<sha256:" + sha256(id) + ">")
                .orElse("sha256:" + raw.sha256());
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
