package org.guichet.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The dates of options such as {@code --since}: a day (2024-09-01, UTC) or an instant (2024-09-01T08:00:00Z). */
final class Dates {
    private Dates() {
    }

    /** The first instant of the day, or the instant itself. */
    static Optional<Instant> from(String text, String option, CommandSpec spec) {
        return Optional.ofNullable(text).map(t -> parse(t, option, spec, false));
    }

    /** The first instant after the day (a day given is included whole), or the instant itself. */
    static Optional<Instant> through(String text, String option, CommandSpec spec) {
        return Optional.ofNullable(text).map(t -> parse(t, option, spec, true));
    }

    private static Instant parse(String text, String option, CommandSpec spec, boolean wholeDay) {
        try {
            if (text.contains("T")) {
                return Instant.parse(text);
            }
            LocalDate day = LocalDate.parse(text);
            return (wholeDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), option + " '" + text
                    + "' is not a date: write 2024-09-01 or 2024-09-01T08:00:00Z");
        }
    }
}
