package org.guichet.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the durations ({@code 30s}, {@code 5m}) and sizes ({@code 50MiB}, {@code 25 MB}) that the file may use. */
final class Units {

    private static final Pattern AMOUNT = Pattern.compile("(\\d{1,18})\\s*([A-Za-z]*)");

    private static final Map<String, Long> SIZE_FACTORS = Map.of(
            "", 1L, "b", 1L,
            "kb", 1_000L, "mb", 1_000_000L, "gb", 1_000_000_000L,
            "kib", 1L << 10, "mib", 1L << 20, "gib", 1L << 30);

    private Units() {
    }

    /** A positive duration; a bare number counts seconds, as administrators write poll intervals. */
    static Optional<Duration> duration(String text) {
        Matcher matcher = AMOUNT.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(matcher.group(1));
        Optional<Duration> duration = switch (matcher.group(2)) {
            case "", "s" -> Optional.of(Duration.ofSeconds(amount));
            case "ms" -> Optional.of(Duration.ofMillis(amount));
            case "m" -> Optional.of(Duration.ofMinutes(amount));
            case "h" -> Optional.of(Duration.ofHours(amount));
            default -> Optional.empty();
        };
        return duration.filter(value -> !value.isZero());
    }

    /** A positive number of bytes; KB, MB and GB count by 1000, KiB, MiB and GiB by 1024. */
    static Optional<Long> size(String text) {
        Matcher matcher = AMOUNT.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Long factor = SIZE_FACTORS.get(matcher.group(2).toLowerCase(Locale.ROOT));
        long amount = Long.parseLong(matcher.group(1));
        if (factor == null || amount == 0 || amount > Long.MAX_VALUE / factor) {
            return Optional.empty();
        }
        return Optional.of(amount * factor);
    }
}
