package org.guichet.config;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The response-time promises ({@code sla:}): per priority, and optionally per service, how long until a ticket is
 * taken in charge and until it is resolved, counted in business time; the business calendar they are counted in;
 * and when the morning digest goes out. Without an {@code sla:} section nothing is promised, and no reminder,
 * escalation or digest is sent.
 *
 * @param targets by priority code ({@code very-high}...)
 * @param byService by service id (lower case), then priority code: the service's own targets, where it has any
 */
public record Sla(boolean enabled, Calendar calendar, LocalTime digestAt, Map<String, Target> targets,
        Map<String, Map<String, Target>> byService) {

    /** The priority codes, highest first, as the file writes them. */
    public static final List<String> PRIORITIES = List.of("very-high", "high", "normal", "low", "very-low");

    public Sla {
        Objects.requireNonNull(calendar);
        Objects.requireNonNull(digestAt);
        targets = Map.copyOf(targets);
        byService = Map.copyOf(byService);
    }

    /** No promises: the helpdesk without an {@code sla:} section. */
    public static Sla none(ZoneId zone) {
        return new Sla(false, Calendar.officeHours(zone), LocalTime.of(8, 0), Map.of(), Map.of());
    }

    /** The target of a ticket of this service and priority, when promises are made. */
    public Optional<Target> target(String service, String priority) {
        if (!enabled) {
            return Optional.empty();
        }
        Map<String, Target> own = byService.getOrDefault(service.toLowerCase(Locale.ROOT), Map.of());
        return Optional.ofNullable(own.getOrDefault(priority, targets.get(priority)));
    }

    /**
     * Two durations of business time: until someone takes the ticket, until it is resolved.
     */
    public record Target(Duration takeInCharge, Duration resolve) {
        public Target {
            Checks.positive(takeInCharge, "take-in-charge target");
            Checks.positive(resolve, "resolve target");
        }
    }

    /**
     * When the helpdesk works: the same opening hours on each working day, in one time zone, holidays excepted.
     */
    public record Calendar(ZoneId zone, Set<DayOfWeek> days, LocalTime opens, LocalTime closes,
            Set<LocalDate> holidays) {
        public Calendar {
            Objects.requireNonNull(zone);
            days = Set.copyOf(days);
            if (days.isEmpty()) {
                throw new IllegalArgumentException("business hours need at least one day");
            }
            if (!opens.isBefore(closes)) {
                throw new IllegalArgumentException("business hours must open before they close");
            }
            holidays = Set.copyOf(holidays);
        }

        /** Monday to Friday, 08:00 to 18:00, no holidays. */
        public static Calendar officeHours(ZoneId zone) {
            return new Calendar(zone, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0),
                    LocalTime.of(18, 0), Set.of());
        }

        /** The length of one business day: what "1d" means in a target. */
        public Duration day() {
            return Duration.between(opens, closes);
        }

        public boolean isBusinessDay(LocalDate date) {
            return days.contains(date.getDayOfWeek()) && !holidays.contains(date);
        }
    }
}
