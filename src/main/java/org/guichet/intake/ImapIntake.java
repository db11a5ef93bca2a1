package org.guichet.intake;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.guichet.config.Imap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over the watched folder: every message is fetched to a file, handed to the handler, and moved
 * to Processed or Quarantine only after the handler has committed its work. A mail the handler asks to
 * retry stays where it is.
 */
public final class ImapIntake {
    private static final Logger log = LoggerFactory.getLogger(ImapIntake.class);
    private static final int BATCH_MESSAGES = 50;
    private static final long BATCH_BYTES = 8L * 1024 * 1024;
    private static final long STREAM_ABOVE = 1024L * 1024;

    private final Imap imap;
    private final MailHandler handler;
    private final Path spool;

    public ImapIntake(Imap imap, MailHandler handler, Path spool) {
        this.imap = imap;
        this.handler = handler;
        this.spool = spool;
    }

    Imap config() {
        return imap;
    }

    /** What one pass did: mails handled (moved away), and mails left in place to be tried again. */
    record Pass(int handled, int leftInPlace) {
    }

    /** Handles everything waiting in the folder on this connection. */
    Pass drain(Mailbox mailbox) throws MessagingException {
        long uidValidity = mailbox.uidValidity();
        List<Message> waiting = mailbox.messages();
        int handled = 0;
        for (List<Message> batch : batches(waiting)) {
            handled += handleBatch(mailbox, uidValidity, batch);
        }
        return new Pass(handled, waiting.size() - handled);
    }

    private static List<List<Message>> batches(List<Message> messages) throws MessagingException {
        List<List<Message>> batches = new ArrayList<>();
        List<Message> current = new ArrayList<>();
        long bytes = 0;
        for (Message m : messages) {
            if (m.isExpunged()) {
                continue;
            }
            long size = Math.max(0, m.getSize());
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

    private int handleBatch(Mailbox mailbox, long uidValidity, List<Message> batch) throws MessagingException {
        List<Long> small = new ArrayList<>();
        for (Message m : batch) {
            if (m.getSize() <= STREAM_ABOVE) {
                small.add(mailbox.uid(m));
            }
        }
        Map<Long, byte[]> fetched = mailbox.fetchRaw(small);
        List<Message> processed = new ArrayList<>();
        List<Message> quarantined = new ArrayList<>();
        for (Message m : batch) {
            long uid = mailbox.uid(m);
            Disposition d = handleOne(mailbox, m, new MailSource(imap.folder(), uidValidity, uid), fetched.get(uid));
            switch (d.action()) {
                case PROCESSED -> processed.add(m);
                case QUARANTINE -> quarantined.add(m);
                case RETRY -> log.warn("mail UID {} left in {} to try again: {}", uid, imap.folder(), d.reason());
            }
        }
        mailbox.moveToProcessed(processed);
        mailbox.moveToQuarantine(quarantined);
        return processed.size() + quarantined.size();
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
            return handler.handle(new RawMail(file, Files.size(file), source));
        } catch (IOException | UncheckedIOException e) {
            return Disposition.retry("cannot spool the mail: " + e.getMessage());
        } finally {
            deleteQuietly(file);
        }
    }

    private Path spoolFile() throws IOException {
        Files.createDirectories(spool);
        return Files.createTempFile(spool, "mail-", ".eml");
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
