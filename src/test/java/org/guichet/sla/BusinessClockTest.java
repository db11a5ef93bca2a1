package org.guichet.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.guichet.config.Sla;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessClockTest {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final BusinessClock OFFICE = new BusinessClock(new Sla.Calendar(PARIS,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(18, 0),
            Set.of(LocalDate.parse("2026-12-25"), LocalDate.parse("2027-01-01"))));

    static Instant paris(String local) {
        return LocalDateTime.parse(local).atZone(PARIS).toInstant();
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
        // inside one day
        "2026-11-30T09:00, PT1H, 2026-11-30T10:00",
        // opened Friday 17:30, one hour: half an hour on Friday, half an hour on Monday
        "2026-11-27T17:30, PT1H, 2026-11-30T08:30",
        // opened on Saturday: the count starts Monday morning
        "2026-11-28T11:00, PT1H, 2026-11-30T09:00",
        // opened before opening time
        "2026-12-01T06:00, PT30M, 2026-12-01T08:30",
        // opened Thursday 24 December 17:30: Friday 25 is a holiday, so due Monday 28
        "2026-12-24T17:30, PT1H, 2026-12-28T08:30",
        // 2 business days of 10 hours from Wednesday 10:00: Friday 10:00
        "2026-12-02T10:00, PT20H, 2026-12-04T10:00",
        // exactly at closing time: the target ends at 18:00, not the next morning
        "2026-11-30T17:00, PT1H, 2026-11-30T18:00"})
    void dueTimes(String opened, Duration target, String due) {
        assertThat(OFFICE.plus(paris(opened), target)).isEqualTo(paris(due));
    }

    @Test
    void onlyBusinessHoursAreCounted() {
        assertThat(OFFICE.between(paris("2026-11-27T17:30"), paris("2026-11-30T08:30"))).isEqualTo(Duration.ofHours(1));
        assertThat(OFFICE.between(paris("2026-11-28T00:00"), paris("2026-11-29T23:59"))).isZero();
        assertThat(OFFICE.between(paris("2026-12-24T12:00"), paris("2026-12-28T09:00")))
                .as("Thursday afternoon, no Christmas, Monday's first hour").isEqualTo(Duration.ofHours(7));
        assertThat(OFFICE.between(paris("2026-11-30T10:00"), paris("2026-11-30T09:00"))).isZero();
    }

    @Test
    void summerTimeDoesNotChangeTheLengthOfADay() {
        // 29 March 2026, clocks go forward in Paris on the Sunday: Friday 17:00 + 2h is Monday 09:00 all the same
        assertThat(OFFICE.plus(paris("2026-03-27T17:00"), Duration.ofHours(2))).isEqualTo(paris("2026-03-30T09:00"));
    }

    @Test
    void theDigestTimeIsOnBusinessDaysOnly() {
        assertThat(OFFICE.isBusinessDayAfter(paris("2026-11-30T08:00"), LocalTime.of(8, 0))).isTrue();
        assertThat(OFFICE.isBusinessDayAfter(paris("2026-11-30T07:59"), LocalTime.of(8, 0))).isFalse();
        assertThat(OFFICE.isBusinessDayAfter(paris("2026-11-29T09:00"), LocalTime.of(8, 0))).as("Sunday").isFalse();
        assertThat(OFFICE.isBusinessDayAfter(paris("2026-12-25T09:00"), LocalTime.of(8, 0))).as("holiday").isFalse();
    }
}
