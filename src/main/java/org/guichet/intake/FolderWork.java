package org.guichet.intake;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.guichet.DaemonThreads;

/**
 * The folder's side of one pass, on a thread of its own, in the order asked: the next batch downloads, and a
 * committed batch is moved to Processed, while the intake thread parses and commits the current batch, so the
 * network and the database work at the same time. Jakarta Mail serialises commands on the folder; the intake thread
 * asks nothing of it meanwhile but the rare large mail, refused mail or quarantine move, which wait their turn.
 */
final class FolderWork implements AutoCloseable {
    private final Mailbox mailbox;
    private final ExecutorService worker;
    private Future<Map<Long, byte[]>> next = CompletableFuture.completedFuture(new HashMap<>());
    private final List<Future<?>> moves = new ArrayList<>();

    FolderWork(Mailbox mailbox) {
        this.mailbox = mailbox;
        this.worker = Executors.newSingleThreadExecutor(DaemonThreads.named("guichet-imap"));
    }

    /** Starts downloading these UIDs, after whatever was asked before; {@link #take()} gives them. */
    void fetch(List<Long> uids) {
        next = uids.isEmpty() ? CompletableFuture.completedFuture(new HashMap<>())
                : worker.submit(() -> mailbox.fetchRaw(uids));
    }

    /** The bytes of the last download asked, by UID; its failure is thrown here, on the intake thread. */
    Map<Long, byte[]> take() throws MessagingException {
        return result(next);
    }

    /** Moves these committed mails to Processed, after whatever was asked before; a failure shows at the next call. */
    void moveToProcessed(List<Message> messages) throws MessagingException {
        checkMoves(false);
        if (!messages.isEmpty()) {
            List<Message> these = List.copyOf(messages);
            moves.add(worker.submit(() -> {
                mailbox.moveToProcessed(these);
                return null;
            }));
        }
    }

    /** Moves this mail to Quarantine, after whatever was asked before; a failure shows at the next call. */
    void moveToQuarantine(List<Message> messages) throws MessagingException {
        checkMoves(false);
        List<Message> these = List.copyOf(messages);
        moves.add(worker.submit(() -> {
            mailbox.moveToQuarantine(these);
            return null;
        }));
    }

    /** Waits for every move asked (each IMAP call has its time-out) and throws the first one's failure. */
    void finish() throws MessagingException {
        try {
            checkMoves(true);
        } finally {
            try {
                result(next);
            } catch (MessagingException | RuntimeException ignored) {
                // a download of no use once the pass is over
            }
        }
    }

    private void checkMoves(boolean wait) throws MessagingException {
        MessagingException failure = null;
        for (var it = moves.iterator(); it.hasNext();) {
            Future<?> move = it.next();
            if (!wait && !move.isDone()) {
                continue;
            }
            it.remove();
            try {
                result(move);
            } catch (MessagingException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static <T> T result(Future<T> future) throws MessagingException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessagingException("interrupted while waiting for the mail server", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof MessagingException m) {
                throw m;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new MessagingException("the mail server's work failed: " + cause, (Exception) cause);
        }
    }

    @Override
    public void close() {
        worker.shutdown();
    }
}
