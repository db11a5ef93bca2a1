package org.guichet.parse;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.guichet.DaemonThreads;

/**
 * Runs one parse on a thread of its own and gives up on it past a time limit, so that a mail that makes the parser
 * stall fails alone instead of stopping intake. The abandoned thread is interrupted: the parser's readers check the
 * flag and end early; being a daemon thread, it never keeps the JVM alive. The threads are kept for the next parses
 * (a thread started for each mail cost as much as parsing a small one); one that is abandoned stays out of the
 * pool until its parse ends, and another is started in its place.
 */
final class ParseWatchdog {
    private static final ExecutorService THREADS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), DaemonThreads.named("guichet-parse"));

    private ParseWatchdog() {
    }

    static InboundMail run(Supplier<InboundMail> parse, Duration timeout) {
        CompletableFuture<InboundMail> result = new CompletableFuture<>();
        Future<?> worker = THREADS.submit(() -> complete(result, parse));
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            worker.cancel(true);
            throw new ParseException("The parse ran past limits.parse-timeout (" + (timeout.toMillis() < 1000
                    ? timeout.toMillis() + " ms" : timeout.toSeconds() + " s") + ") and was abandoned.", e);
        } catch (InterruptedException e) {
            worker.cancel(true);
            Thread.currentThread().interrupt();
            throw new ParseException("The parse was interrupted, the daemon is stopping.", e);
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        }
    }

    private static void complete(CompletableFuture<InboundMail> result, Supplier<InboundMail> parse) {
        try {
            result.complete(parse.get());
        } catch (Throwable t) { // every Error too: the caller decides, the worker thread must not die unheard
            result.completeExceptionally(t);
        }
    }

    private static RuntimeException rethrown(Throwable cause) {
        if (cause instanceof Error error) {
            throw error;
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new ParseException("The parse failed: " + cause, cause);
    }
}
