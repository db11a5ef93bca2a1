package org.guichet.sla;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.guichet.config.GuichetConfig;
import org.guichet.config.Service;
import org.guichet.ticket.Event;
import org.guichet.ticket.Notices;
import org.guichet.ticket.Notifier;
import org.guichet.ticket.Ticket;
import org.guichet.ticket.TicketStore;
import org.guichet.ticket.TicketTx;

/**
 * The morning digest: at {@code sla.digest-at} on business days, each agent gets one mail with the unassigned
 * tickets of their services and their own open tickets, soonest due first (so the overdue ones lead), once a day.
 */
public final class Digest {
    private final GuichetConfig config;
    private final TicketStore store;
    private final Promises promises;
    private final Notifier notifier;
    private final Clock clock;
    private final DateTimeFormatter format;

    public Digest(GuichetConfig config, TicketStore store, Promises promises, Notifier notifier, Clock clock) {
        this.config = config;
        this.store = store;
        this.promises = promises;
        this.notifier = notifier;
        this.clock = clock;
        ZoneId zone = config.sla().calendar().zone();
        this.format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
    }

    /** Sends today's digests if it is time and they were not sent; returns how many mails were queued. */
    public int run() {
        Instant now = clock.instant();
        if (!config.sla().enabled() || !promises.clock().isBusinessDayAfter(now, config.sla().digestAt())) {
            return 0;
        }
        LocalDate day = promises.clock().date(now);
        return store.inTransaction(tx -> {
            List<Line> open = tx.unfinished().stream().map(t -> line(tx, t, now)).sorted(SOONEST).toList();
            int sent = 0;
            for (String agent : config.agentAddresses()) {
                if (tx.claimDigest(agent, day, now)) {
                    sent += send(tx, agent, open, day, now);
                }
            }
            return sent;
        });
    }

    /** One ticket in a digest, with the due time of the target that matters now. */
    private record Line(Ticket ticket, Optional<Instant> due, boolean overdue) {
    }

    private static final Comparator<Line> SOONEST = Comparator
            .comparing((Line l) -> l.due().orElse(Instant.MAX))
            .thenComparing(l -> -l.ticket().priority().ordinal())
            .thenComparing(l -> l.ticket().id());

    private Line line(TicketTx tx, Ticket t, Instant now) {
        Optional<Dues> dues = promises.of(t, tx.events(t.id()), now);
        return new Line(t, dues.flatMap(Dues::nextDue), dues.map(Dues::overdue).orElse(false));
    }

    private int send(TicketTx tx, String agent, List<Line> open, LocalDate day, Instant now) {
        List<String> services = config.services().stream().filter(s -> s.agents().contains(agent))
                .map(Service::id).toList();
        List<Map<String, Object>> unassigned = new ArrayList<>();
        List<Map<String, Object>> own = new ArrayList<>();
        for (Line l : open) {
            Ticket t = l.ticket();
            if (t.assignee().isEmpty() && services.stream().anyMatch(t.service()::equalsIgnoreCase)) {
                unassigned.add(row(l));
            } else if (t.assignee().filter(agent::equalsIgnoreCase).isPresent()) {
                own.add(row(l));
            }
        }
        if (unassigned.isEmpty() && own.isEmpty()) {
            return 0;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("day", day.toString());
        model.put("unassigned", unassigned);
        model.put("own", own);
        model.put("hasUnassigned", !unassigned.isEmpty());
        model.put("hasOwn", !own.isEmpty());
        model.put("unassignedCount", unassigned.size());
        model.put("ownCount", own.size());
        Notices notices = notifier.notices();
        String subject = notices.label("digest.subject").replace("{day}", day.toString())
                .replace("{helpdesk}", config.helpdesk().name());
        notifier.tellOne(tx, notices.standalone(Event.DIGEST, agent, subject, Optional.empty(), model), now);
        return 1;
    }

    private Map<String, Object> row(Line l) {
        Ticket t = l.ticket();
        Notices notices = notifier.notices();
        Map<String, Object> row = new HashMap<>();
        row.put("number", t.id());
        row.put("subject", Notices.oneLine(t.subject()));
        row.put("priority", notices.label("priority." + t.priority().code()));
        row.put("status", notices.label("status." + t.status().code()));
        row.put("service", notices.serviceName(t.service()));
        row.put("due", l.due().map(format::format).orElse("-"));
        row.put("overdue", l.overdue());
        return row;
    }
}
