package org.guichet.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.guichet.GuichetException;
import org.guichet.cli.RetryOutcome;
import org.guichet.config.GuichetConfig;
import org.guichet.config.Imap;
import org.guichet.config.MailboxSettings;
import java.util.Map;
import org.guichet.intake.Disposition;
import org.guichet.intake.ImapCheck;
import org.guichet.intake.MailSource;
import org.guichet.intake.RawMail;
import org.guichet.pipeline.MailProcessor;
import org.guichet.store.BlobStore;
import org.guichet.store.MailLog;
import org.guichet.store.QuarantinedMail;

/**
 * {@code guichet quarantine retry}: handles a quarantined mail again from the raw bytes kept when it arrived,
 * with one attempt, then moves its copy out of the quarantine folder when that worked.
 */
final class QuarantineRetry {
    private final MailLog mails;
    private final BlobStore rawStore;
    private final MailProcessor processor;
    private final Map<String, MailProcessor> byMailbox;
    private final GuichetConfig config;

    /** {@code byMailbox}: the processors of the mailboxes with a default category of their own, by name. */
    QuarantineRetry(MailLog mails, BlobStore rawStore, MailProcessor processor, Map<String, MailProcessor> byMailbox,
            GuichetConfig config) {
        this.mails = mails;
        this.rawStore = rawStore;
        this.processor = processor;
        this.byMailbox = Map.copyOf(byMailbox);
        this.config = config;
    }

    RetryOutcome retry(long id) {
        QuarantinedMail mail = mails.quarantined(id).orElseThrow(() -> new GuichetException("no mail #" + id
                + " in quarantine; `guichet quarantine list` shows them"));
        // the mailbox it was found in: its folders, and its copy there
        MailboxSettings mailbox = config.mailboxOf(mail.mailbox());
        Imap imap = mailbox.imap();
        if (mail.rawSha256().isEmpty()) {
            return new RetryOutcome(false, "mail #" + id + " was never downloaded (" + mail.reason() + "); raise the"
                    + " limit, then move it from " + imap.quarantineFolder() + " back to " + imap.folder());
        }
        Path raw = rawStore.find(mail.rawSha256().get()).orElseThrow(() -> new GuichetException("the bytes of mail #"
                + id + " are missing from " + rawStore.root() + "; it cannot be retried"));
        mails.resetAttempts(id);
        Disposition d = byMailbox.getOrDefault(mailbox.name(), processor).handle(new RawMail(raw, size(raw), new MailSource(mail.mailbox().orElse(""),
                imap.quarantineFolder(), 0, 0)));
        return switch (d.action()) {
            case PROCESSED -> new RetryOutcome(true, "mail #" + id + " " + mail.key() + " handled. " + release(mail, imap));
            case PAUSE -> new RetryOutcome(false, "mail #" + id + " not retried: " + d.reason());
            default -> new RetryOutcome(false, "mail #" + id + " still cannot be handled: " + d.reason());
        };
    }

    /** The copy in the quarantine folder follows, where the mailbox can be reached; the database is the record. */
    private static String release(QuarantinedMail mail, Imap imap) {
        Optional<String> messageId = mail.key().startsWith("<") && !mail.key().startsWith("<sha256:")
                ? Optional.of(mail.key().substring(1, mail.key().length() - 1)) : Optional.empty();
        if (messageId.isEmpty()) {
            return "Its copy (no Message-ID) is left in " + imap.quarantineFolder() + "; move it by hand.";
        }
        try {
            int moved = ImapCheck.release(imap, messageId.get());
            return moved == 0 ? "No copy of it was left in " + imap.quarantineFolder() + "."
                    : "Its copy moved from " + imap.quarantineFolder() + " to " + imap.processedFolder() + ".";
        } catch (GuichetException e) {
            return "Its copy is still in " + imap.quarantineFolder() + ": " + e.getMessage();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new GuichetException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
