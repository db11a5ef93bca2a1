package org.guichet.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Objects;
import org.guichet.config.Sla;

/**
 * Counts time the way the promises count it: only within the opening hours of business days, holidays skipped.
 * Pure: it reads no clock.
 */
public final class BusinessClock {
    // A calendar with a business day in every year: ten years of closed days means a broken config, not a wait.
    private static final int MAX_DAYS = 3660;
    private final Sla.Calendar calendar;

    public BusinessClock(Sla.Calendar calendar) {
        this.calendar = Objects.requireNonNull(calendar);
    }

    /** The business time between two instants; zero when {@code to} is not after {@code from}. */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate day = from.atZone(calendar.zone()).toLocalDate();
        LocalDate last = to.atZone(calendar.zone()).toLocalDate();
        for (int i = 0; !day.isAfter(last) && i < MAX_DAYS * 2; i++, day = day.plusDays(1)) {
            if (calendar.isBusinessDay(day)) {
                Instant opens = opens(day);
                Instant closes = closes(day);
                Instant start = from.isAfter(opens) ? from : opens;
                Instant end = to.isBefore(closes) ? to : closes;
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /** The instant at which {@code amount} of business time has passed since {@code from}. */
    public Instant plus(Instant from, Duration amount) {
        Duration left = amount;
        LocalDate day = from.atZone(calendar.zone()).toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            if (!calendar.isBusinessDay(day)) {
                continue;
            }
            Instant opens = opens(day);
            Instant closes = closes(day);
            Instant start = from.isAfter(opens) ? from : opens;
            if (!start.isBefore(closes)) {
                continue;
            }
            Duration open = Duration.between(start, closes);
            if (left.compareTo(open) <= 0) {
                return start.plus(left);
            }
            left = left.minus(open);
        }
        throw new IllegalStateException("no business hours in the next " + MAX_DAYS + " days");
    }

    /** Whether this instant falls on a business day at or after its opening time. */
    public boolean isBusinessDayAfter(Instant now, LocalTime time) {
        ZonedDateTime local = now.atZone(calendar.zone());
        return calendar.isBusinessDay(local.toLocalDate()) && !local.toLocalTime().isBefore(time);
    }

    public LocalDate date(Instant now) {
        return now.atZone(calendar.zone()).toLocalDate();
    }

    private Instant opens(LocalDate day) {
        return day.atTime(calendar.opens()).atZone(calendar.zone()).toInstant();
    }

    private Instant closes(LocalDate day) {
        return day.atTime(calendar.closes()).atZone(calendar.zone()).toInstant();
    }
}
