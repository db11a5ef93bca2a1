package org.guichet.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.guichet.intake.Disposition;
import org.guichet.intake.IntakeListener;
import org.guichet.intake.MailSource;
import org.guichet.notify.DeliveryListener;
import org.guichet.store.OperationsFigures;
import org.guichet.store.OperationsFigures.Figures;
import org.guichet.store.OutboxEntry;

/**
 * The daemon's figures for Prometheus (/metrics): counters told by intake and the outbox as they work, and
 * gauges read from the database when scraped (tickets by status, the outbox backlog and its age).
 */
public final class Metrics implements IntakeListener, DeliveryListener {
    private static final String[] STATUSES = {"new", "assigned", "waiting", "resolved", "closed", "cancelled"};
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final OperationsFigures figures;
    private final Clock clock;
    private final Counter handled;
    private final Counter quarantined;
    private final Counter retried;
    private final Counter sent;
    private final Counter failed;
    private final Counter failedForGood;
    private final Timer handling;
    private final Timer lag;
    private final Timer sending;
    private volatile Optional<Figures> last = Optional.empty();

    public Metrics(OperationsFigures figures, Clock clock) {
        this.figures = figures;
        this.clock = clock;
        handled = Counter.builder("guichet.mails.handled").description("Mails handled and moved to the processed folder")
                .register(registry);
        quarantined = Counter.builder("guichet.mails.quarantined").description("Mails moved to quarantine")
                .register(registry);
        retried = Counter.builder("guichet.mails.retried").description("Mails left in place to be tried again")
                .register(registry);
        sent = Counter.builder("guichet.notifications.sent").description("Notifications accepted by the SMTP server")
                .register(registry);
        failed = Counter.builder("guichet.notifications.failed").tag("permanent", "false")
                .description("Notification attempts that failed").register(registry);
        failedForGood = Counter.builder("guichet.notifications.failed").tag("permanent", "true")
                .description("Notification attempts that failed").register(registry);
        handling = Timer.builder("guichet.mail.handling").description("From download to commit, per mail")
                .register(registry);
        lag = Timer.builder("guichet.intake.lag").description("From the server's receipt of a mail to its handling")
                .register(registry);
        sending = Timer.builder("guichet.notification.sending").description("SMTP time per notification")
                .register(registry);
        for (String status : STATUSES) {
            gauge("guichet.tickets", "Tickets by status", f -> f.ticketsByStatus().getOrDefault(status, 0L))
                    .tag("status", status).register(registry);
        }
        gauge("guichet.outbox.waiting", "Notifications waiting to be sent", Figures::outboxWaiting).register(registry);
        gauge("guichet.outbox.oldest.age", "Age of the oldest notification waiting, 0 when none",
                f -> f.oldestWaiting().map(o -> Math.max(0, Duration.between(o, clock.instant()).toMillis() / 1000.0))
                        .orElse(0.0)).baseUnit("seconds").register(registry);
        gauge("guichet.last.mail.handled.timestamp", "When the last mail was handled (Unix time), 0 when none",
                f -> f.lastMailHandled().map(i -> i.toEpochMilli() / 1000.0).orElse(0.0)).baseUnit("seconds")
                .register(registry);
    }

    private Gauge.Builder<Metrics> gauge(String name, String description, ToDoubleFunction<Figures> value) {
        return Gauge.builder(name, this, m -> m.figures().map(value::applyAsDouble).orElse(Double.NaN))
                .description(description);
    }

    /** The database's figures as read at the start of the scrape: one reading for every gauge. */
    private Optional<Figures> figures() {
        return last;
    }

    @Override
    public void handled(MailSource source, Disposition disposition, Duration took, Optional<Instant> arrived) {
        switch (disposition.action()) {
            case PROCESSED -> handled.increment();
            case QUARANTINE -> quarantined.increment();
            case RETRY -> retried.increment();
            case PAUSE -> { }
        }
        handling.record(took);
        arrived.map(a -> Duration.between(a, clock.instant())).filter(d -> !d.isNegative()).ifPresent(lag::record);
    }

    @Override
    public void sent(OutboxEntry entry, Duration took) {
        sent.increment();
        sending.record(took);
    }

    @Override
    public void failed(OutboxEntry entry, boolean permanent) {
        (permanent ? failedForGood : failed).increment();
    }

    /** Every meter in the Prometheus text format. */
    public synchronized String scrape() {
        try {
            last = Optional.of(figures.read());
        } catch (RuntimeException e) {
            // the database is down: the gauges say NaN, /health says why
            last = Optional.empty();
        }
        return registry.scrape();
    }
}
