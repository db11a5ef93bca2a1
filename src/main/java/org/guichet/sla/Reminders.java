package org.guichet.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guichet.ticket.Change;
import org.guichet.ticket.ChangeRecorder;
import org.guichet.ticket.Event;
import org.guichet.ticket.Status;
import org.guichet.ticket.Ticket;
import org.guichet.ticket.TicketEvent;
import org.guichet.ticket.TicketMessage;
import org.guichet.ticket.TicketStore;
import org.guichet.ticket.TicketTx;

/**
 * The scheduler's check of the promises: at 75 % of a target the people handling the ticket are reminded, at
 * 100 % the service's escalation address is told. Everything is read from the database on each run, and each
 * threshold's event in the ticket's log is the mark that it was sent, so a restart neither forgets nor repeats.
 */
public final class Reminders {
    static final String TYPE = "sla-reminder";
    private static final String SYSTEM = "guichet";
    private static final int SUMMARY_CHARS = 500;
    private final TicketStore store;
    private final Promises promises;
    private final ChangeRecorder recorder;
    private final Clock clock;
    private final DateTimeFormatter format;

    public Reminders(TicketStore store, Promises promises, ChangeRecorder recorder, ZoneId zone, Clock clock) {
        this.store = store;
        this.promises = promises;
        this.recorder = recorder;
        this.clock = clock;
        this.format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z").withZone(zone);
    }

    /** Sends what is due; returns how many reminders and escalations were recorded. */
    public int run() {
        if (!promises.promising()) {
            return 0;
        }
        Instant now = clock.instant();
        return store.inTransaction(tx -> {
            int sent = 0;
            for (Ticket t : tx.unfinished()) {
                sent += check(tx, t, now);
            }
            return sent;
        });
    }

    private int check(TicketTx tx, Ticket t, Instant now) {
        if (t.status() == Status.WAITING) {
            return 0;
        }
        List<TicketEvent> events = tx.events(t.id());
        Optional<Dues> dues = promises.of(t, events, now);
        if (dues.isEmpty()) {
            return 0;
        }
        Dues d = dues.get();
        int sent = 0;
        if (t.assignee().isEmpty() && d.taken().isEmpty()) {
            sent += threshold(tx, t, events, d, "take", d.takePercent(), now);
        }
        sent += threshold(tx, t, events, d, "resolve", d.resolvePercent(), now);
        return sent;
    }

    private int threshold(TicketTx tx, Ticket t, List<TicketEvent> events, Dues d, String target, long percent,
            Instant now) {
        int sent = 0;
        for (int level : new int[] {75, 100}) {
            String mark = target + "-" + level;
            if (percent >= level && events.stream().noneMatch(e -> e.type().equals(TYPE) && e.to().equals(
                    Optional.of(mark)))) {
                recorder.record(tx, change(tx, t, d, target, level, mark, now), now);
                sent++;
            }
        }
        return sent;
    }

    private Change change(TicketTx tx, Ticket t, Dues d, String target, int level, String mark, Instant now) {
        boolean take = target.equals("take");
        Duration amount = take ? d.target().takeInCharge() : d.target().resolve();
        Optional<Instant> due = take ? d.takeDue() : d.resolveDue();
        String dueText = due.map(format::format).orElse("");
        String detail = level + "% of the " + hours(amount) + " " + (take ? "take-in-charge" : "resolution")
                + " target used" + (dueText.isEmpty() ? "" : ", due " + dueText);
        Map<String, Object> facts = new HashMap<>();
        facts.put("takeInCharge", take);
        facts.put("overdue", level >= 100);
        facts.put("percent", level);
        facts.put("due", dueText);
        facts.put("targetHours", hours(amount));
        facts.put("summary", summary(tx, t));
        facts.put("created", format.format(t.created()));
        return new Change(t, List.of(TicketEvent.change(now, SYSTEM, TYPE, null, mark, detail)),
                level >= 100 ? Event.SLA_ESCALATION : Event.SLA_REMINDER, SYSTEM, Optional.empty(), facts);
    }

    /** Business time as people say it: {@code 1h}, {@code 1h30}, {@code 45min}. */
    static String hours(Duration amount) {
        long minutes = amount.toMinutes();
        if (minutes < 60) {
            return minutes + "min";
        }
        return minutes / 60 + "h" + (minutes % 60 == 0 ? "" : String.format("%02d", minutes % 60));
    }

    /** The start of the request, as the requester wrote it, bounded. */
    private static String summary(TicketTx tx, Ticket t) {
        String text = tx.detail(t.id()).flatMap(d -> d.messages().stream().filter(m -> !m.internal()).findFirst())
                .map(TicketMessage::text).orElse("").strip();
        return text.length() <= SUMMARY_CHARS ? text : text.substring(0, SUMMARY_CHARS) + "...";
    }
}
