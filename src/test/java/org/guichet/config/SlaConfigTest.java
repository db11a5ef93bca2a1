package org.guichet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** The {@code sla:} section, {@code helpdesk.timezone} and {@code services[].escalation}: defaults and errors. */
class SlaConfigTest {

    /** Line numbers below count from here: sla starts at line 12. */
    private static final String BASE = """
            helpdesk:
              address: support@example.org
              timezone: Europe/Paris
            mail:
              demo-server: true
            security:
              secret: 0123456789abcdef
            services:
              - id: it
                agents: [alice@example.org]
                escalation: Lead@Example.org
            sla:
            %s
            categories:
              - name: Unsorted
                service: it
            default-category: Unsorted
            """;

    private static GuichetConfig load(String sla) {
        return ConfigLoaderTest.load(BASE.formatted(sla.indent(2).stripTrailing()));
    }

    private static AbstractThrowableAssert<?, ?> refused(String sla, int line, String key) {
        return assertThatThrownBy(() -> load(sla)).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.line()).as("line").contains(line);
            assertThat(e.key()).as("key").contains(key);
        });
    }

    @Test
    void anEmptySectionPromisesTheShippedTargetsInOfficeHours() {
        Sla sla = load("digest-at: \"08:00\"").sla();

        assertThat(sla.enabled()).isTrue();
        assertThat(sla.calendar().zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(sla.calendar().days()).isEqualTo(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        assertThat(sla.calendar().opens()).isEqualTo(LocalTime.of(8, 0));
        assertThat(sla.calendar().closes()).isEqualTo(LocalTime.of(18, 0));
        assertThat(sla.digestAt()).isEqualTo(LocalTime.of(8, 0));
        // a day is one business day: ten hours of 08:00-18:00
        assertThat(sla.target("it", "very-high")).contains(new Sla.Target(Duration.ofHours(1), Duration.ofHours(8)));
        assertThat(sla.target("it", "high")).contains(new Sla.Target(Duration.ofHours(4), Duration.ofHours(20)));
        assertThat(sla.target("it", "normal")).contains(new Sla.Target(Duration.ofHours(10), Duration.ofHours(50)));
        assertThat(sla.target("it", "low")).contains(new Sla.Target(Duration.ofHours(30), Duration.ofHours(100)));
        assertThat(sla.target("it", "very-low")).contains(new Sla.Target(Duration.ofHours(30), Duration.ofHours(100)));
    }

    @Test
    void withoutTheSectionNothingIsPromised() {
        GuichetConfig config = ConfigLoaderTest.load(ConfigLoaderTest.MINIMAL);

        assertThat(config.sla().enabled()).isFalse();
        assertThat(config.sla().target("it", "very-high")).isEmpty();
        assertThat(config.sla().calendar().zone()).as("the default time zone").isEqualTo(ZoneId.of("UTC"));
        assertThat(config.tickets().waitingReminderDays()).isEqualTo(3);
        assertThat(config.tickets().waitingCloseDays()).isEqualTo(10);
    }

    @Test
    void hoursHolidaysAndServiceTargetsAreRead() {
        GuichetConfig config = load("""
                hours: Mon-Sat 07:30-19:00
                holidays: [2026-12-25, 2027-01-01]
                digest-at: "7:45"
                targets:
                  very-high: {take-in-charge: 30m, resolve: 4h}
                services:
                  it:
                    normal: {take-in-charge: 2h, resolve: 1d}
                """);
        Sla sla = config.sla();

        assertThat(sla.calendar().days()).isEqualTo(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY));
        assertThat(sla.calendar().day()).isEqualTo(Duration.ofMinutes(690));
        assertThat(sla.calendar().holidays()).containsExactlyInAnyOrder(LocalDate.parse("2026-12-25"),
                LocalDate.parse("2027-01-01"));
        assertThat(sla.digestAt()).isEqualTo(LocalTime.of(7, 45));
        assertThat(sla.target("it", "very-high")).contains(new Sla.Target(Duration.ofMinutes(30), Duration.ofHours(4)));
        assertThat(sla.target("IT", "normal")).contains(new Sla.Target(Duration.ofHours(2), Duration.ofMinutes(690)));
        assertThat(sla.target("it", "high")).as("the shipped default where the file says nothing")
                .contains(new Sla.Target(Duration.ofHours(4), Duration.ofMinutes(1380)));
        assertThat(config.service("it").orElseThrow().escalation()).contains("lead@example.org");
    }

    @Test
    void errorsNameTheKeyAndLine() {
        refused("hours: weekdays 8 to 6", 13, "sla.hours")
                .hasMessageContaining("must be days and hours such as Mon-Fri 08:00-18:00, not 'weekdays 8 to 6'");
        refused("hours: Fri-Mon 08:00-18:00", 13, "sla.hours");
        refused("hours: Mon-Fri 18:00-08:00", 13, "sla.hours").hasMessageContaining("must open before it closes");
        refused("holidays: [2026-12-25, Christmas]", 13, "sla.holidays[1]")
                .hasMessageContaining("must be a date such as 2026-12-25, not 'Christmas'");
        refused("digest-at: morning", 13, "sla.digest-at");
        refused("targets:\n  urgent: {take-in-charge: 1h}", 14, "sla.targets.urgent")
                .hasMessageContaining("known keys: very-high, high, normal, low, very-low");
        refused("targets:\n  high:\n    take-in-charge: 2 weeks", 15, "sla.targets.high.take-in-charge")
                .hasMessageContaining("must be a business duration such as 30m, 4h or 2d");
        refused("targets:\n  high:\n    take-in-charge: 3d\n    resolve: 1h", 16, "sla.targets.high.resolve")
                .hasMessageContaining("must not be shorter than sla.targets.high.take-in-charge");
        refused("services:\n  admin: {}", 14, "sla.services.admin").hasMessageContaining("known keys: it");
        refused("tickets: 3", 13, "sla.tickets");
    }

    @Test
    void aBadTimeZoneOrEscalationAddressIsRefused() {
        assertThatThrownBy(() -> ConfigLoaderTest.load(BASE.formatted("  hours: Mon-Fri 08:00-18:00")
                .replace("Europe/Paris", "Paris")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).contains("helpdesk.timezone"))
                .hasMessageContaining("must be a time zone such as Europe/Paris or UTC, not 'Paris'");
        assertThatThrownBy(() -> ConfigLoaderTest.load(BASE.formatted("  hours: Mon-Fri 08:00-18:00")
                .replace("Lead@Example.org", "the team lead")))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.key()).contains("services[0].escalation");
                    assertThat(e.line()).contains(11);
                });
    }
}
