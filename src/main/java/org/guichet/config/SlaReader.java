package org.guichet.config;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code helpdesk.timezone} and the {@code sla:} section. A target is written {@code 30m}, {@code 4h} or
 * {@code 2d}; a day is one business day, the length of the opening hours ({@code 1d} = 10 h for 08:00-18:00).
 */
final class SlaReader {

    static final List<String> SLA_KEYS = List.of("hours", "holidays", "digest-at", "targets", "services");
    static final List<String> TARGET_KEYS = List.of("take-in-charge", "resolve");

    /** The shipped promises: very-high 1 h / 8 h, high 4 h / 2 days, normal 1 / 5 days, low and very-low 3 / 10. */
    static final Map<String, String[]> DEFAULTS = Map.of(
            "very-high", new String[] {"1h", "8h"},
            "high", new String[] {"4h", "2d"},
            "normal", new String[] {"1d", "5d"},
            "low", new String[] {"3d", "10d"},
            "very-low", new String[] {"3d", "10d"});

    private static final Pattern HOURS = Pattern.compile(
            "([A-Za-z]{3})(?:\\s*-\\s*([A-Za-z]{3}))?\\s+(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})");
    private static final Pattern AMOUNT = Pattern.compile("(\\d{1,6})\\s*([mhd])");
    private static final List<String> DAY_NAMES = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private SlaReader() {
    }

    static ZoneId zone(YamlMap root) {
        ConfigValue value = root.map("helpdesk", SectionReader.HELPDESK_KEYS).value("timezone").orElse(null);
        if (value == null) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(value.nonBlank().strip());
        } catch (DateTimeException e) {
            throw value.error(value.key() + " must be a time zone such as Europe/Paris or UTC, not " + value.shown());
        }
    }

    static Sla sla(YamlMap root, ZoneId zone, List<Service> services) {
        if (!root.has("sla")) {
            return Sla.none(zone);
        }
        YamlMap map = root.map("sla", SLA_KEYS);
        Sla.Calendar calendar = calendar(map, zone);
        Map<String, Sla.Target> targets = targets(map.map("targets", Sla.PRIORITIES), calendar, true);
        List<String> ids = services.stream().map(s -> s.id().toLowerCase(Locale.ROOT)).toList();
        YamlMap perService = map.map("services", ids.isEmpty() ? List.of("(no services)") : ids);
        Map<String, Map<String, Sla.Target>> byService = new HashMap<>();
        for (String id : ids) {
            if (perService.has(id)) {
                byService.put(id, targets(perService.map(id, Sla.PRIORITIES), calendar, false));
            }
        }
        return new Sla(true, calendar, time(map, "digest-at", LocalTime.of(8, 0)), targets, byService);
    }

    private static Sla.Calendar calendar(YamlMap map, ZoneId zone) {
        Sla.Calendar office = Sla.Calendar.officeHours(zone);
        Set<LocalDate> holidays = new HashSet<>();
        for (ConfigValue value : map.values("holidays")) {
            try {
                holidays.add(LocalDate.parse(value.nonBlank().strip()));
            } catch (DateTimeParseException e) {
                throw value.error(value.key() + " must be a date such as 2026-12-25, not " + value.shown());
            }
        }
        ConfigValue hours = map.value("hours").orElse(null);
        if (hours == null) {
            return new Sla.Calendar(zone, office.days(), office.opens(), office.closes(), holidays);
        }
        Matcher m = HOURS.matcher(hours.text().strip());
        String expected = " must be days and hours such as Mon-Fri 08:00-18:00, not " + hours.shown();
        if (!m.matches()) {
            throw hours.error(hours.key() + expected);
        }
        int first = DAY_NAMES.indexOf(m.group(1).toLowerCase(Locale.ROOT));
        int last = m.group(2) == null ? first : DAY_NAMES.indexOf(m.group(2).toLowerCase(Locale.ROOT));
        if (first < 0 || last < first) {
            throw hours.error(hours.key() + expected + " (days: Mon Tue Wed Thu Fri Sat Sun, first to last)");
        }
        LocalTime opens = parseTime(hours, m.group(3), expected);
        LocalTime closes = parseTime(hours, m.group(4), expected);
        if (!opens.isBefore(closes)) {
            throw hours.error(hours.key() + " must open before it closes, not " + hours.shown());
        }
        Set<DayOfWeek> days = EnumSet.range(DayOfWeek.of(first + 1), DayOfWeek.of(last + 1));
        return new Sla.Calendar(zone, days, opens, closes, holidays);
    }

    private static LocalTime parseTime(ConfigValue value, String text, String expected) {
        try {
            return LocalTime.parse(text.length() == 4 ? "0" + text : text);
        } catch (DateTimeParseException e) {
            throw value.error(value.key() + expected);
        }
    }

    private static LocalTime time(YamlMap map, String key, LocalTime byDefault) {
        ConfigValue value = map.value(key).orElse(null);
        if (value == null) {
            return byDefault;
        }
        String text = value.nonBlank().strip();
        try {
            return LocalTime.parse(text.length() == 4 ? "0" + text : text);
        } catch (DateTimeParseException e) {
            throw value.error(value.key() + " must be a time of day such as 08:00 (quote it: \"08:00\"), not "
                    + value.shown());
        }
    }

    /** The targets of a map keyed by priority; the global one fills in the shipped defaults, a service's does not. */
    private static Map<String, Sla.Target> targets(YamlMap map, Sla.Calendar calendar, boolean withDefaults) {
        Map<String, Sla.Target> targets = new HashMap<>();
        for (String priority : Sla.PRIORITIES) {
            if (!map.has(priority) && !withDefaults) {
                continue;
            }
            YamlMap target = map.map(priority, TARGET_KEYS);
            String[] defaults = DEFAULTS.get(priority);
            Duration take = amount(target, "take-in-charge", defaults[0], calendar);
            Duration resolve = amount(target, "resolve", defaults[1], calendar);
            if (resolve.compareTo(take) < 0) {
                throw target.error(target.lineFor("resolve"), "resolve", target.child("resolve")
                        + " must not be shorter than " + target.child("take-in-charge"));
            }
            targets.put(priority, new Sla.Target(take, resolve));
        }
        return targets;
    }

    private static Duration amount(YamlMap map, String key, String byDefault, Sla.Calendar calendar) {
        ConfigValue value = map.value(key).orElse(null);
        String text = value == null ? byDefault : value.text().strip().toLowerCase(Locale.ROOT);
        Matcher m = AMOUNT.matcher(text);
        long n = m.matches() ? Long.parseLong(m.group(1)) : 0;
        if (n == 0) {
            throw value == null ? new IllegalStateException("bad default " + byDefault) : value.error(value.key()
                    + " must be a business duration such as 30m, 4h or 2d (a day is one day of business hours), not "
                    + value.shown());
        }
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> calendar.day().multipliedBy(n);
        };
    }
}
