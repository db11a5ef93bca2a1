package org.guichet.app;

import java.time.Duration;
import java.time.Instant;
import org.guichet.store.MailboxStates;

/** One mailbox's state in a line of {@code status}: its last mail, its backlog, its fault. */
final class MailboxView {
    private MailboxView() {
    }

    static String describe(MailboxStates.State s, Instant now) {
        StringBuilder b = new StringBuilder("last mail handled ");
        b.append(s.lastMailHandled().map(Instant::toString).orElse("none yet"));
        s.waiting().ifPresent(n -> b.append(", ").append(n).append(" waiting when last read"));
        s.readAt().ifPresent(t -> b.append(" (").append(ago(t, now)).append(" ago)"));
        s.error().ifPresent(e -> b.append("; the daemon cannot read it").append(s.failingSince()
                .map(t -> " since " + t).orElse("")).append(": ").append(e));
        return b.toString();
    }

    private static String ago(Instant t, Instant now) {
        long seconds = Math.max(0, Duration.between(t, now).toSeconds());
        return seconds < 120 ? seconds + " s" : seconds < 7200 ? seconds / 60 + " min" : seconds / 3600 + " h";
    }
}
