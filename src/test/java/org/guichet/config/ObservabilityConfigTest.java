package org.guichet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The keys of issue 18: logging.format, http.port and http.host, tickets.retention-days. */
class ObservabilityConfigTest {
    private static final String DEMO = """
            helpdesk:
              address: support@example.org
            mail:
              demo-server: true
            security:
              secret: 0123456789abcdef
            services:
              - id: it
                agents: [alice@example.org]
            categories:
              - name: Unsorted
                service: it
            default-category: Unsorted
            """;

    @Test
    void withoutTheSectionsLogsAreTextNothingListensAndNothingIsPurged() {
        GuichetConfig config = ConfigLoaderTest.load(DEMO);

        assertThat(config.observability()).isEqualTo(Observability.defaults());
        assertThat(config.observability().httpPort()).isEmpty();
        assertThat(config.observability().httpHost()).isEqualTo("127.0.0.1");
        assertThat(config.tickets().retentionDays()).isEmpty();
    }

    @Test
    void theSectionsAreRead() {
        GuichetConfig config = ConfigLoaderTest.load(DEMO + """
                logging:
                  format: json
                http:
                  port: 9180
                tickets:
                  retention-days: 365
                """);

        assertThat(config.observability().logFormat()).isEqualTo(Observability.LogFormat.JSON);
        assertThat(config.observability().httpPort()).isEqualTo(OptionalInt.of(9180));
        assertThat(config.tickets().retentionDays()).isEqualTo(OptionalInt.of(365));
    }

    @Test
    void badValuesAreRefusedWithTheirKeyAndLine() {
        assertThatThrownBy(() -> ConfigLoaderTest.load(DEMO + "logging:\n  format: xml\n"))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).contains(15);
                    assertThat(e.key()).contains("logging.format");
                }).hasMessageContaining("must be text or json, not 'xml'");
        assertThatThrownBy(() -> ConfigLoaderTest.load(DEMO + "http:\n  port: 70000\n"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).contains("http.port"));
        assertThatThrownBy(() -> ConfigLoaderTest.load(DEMO + "tickets:\n  retention-days: 0\n"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).contains("tickets.retention-days"));
        assertThatThrownBy(() -> ConfigLoaderTest.load(DEMO + "http:\n  prot: 80\n"))
                .hasMessageContaining("unknown key 'http.prot' (known keys: port, host)");
    }
}
