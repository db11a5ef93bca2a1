package org.guichet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    /** A real-mailbox config with only the required values; the line numbers of the error tests count from it. */
    static final String MINIMAL = """
            helpdesk:
              address: support@example.org
            imap:
              host: imap.example.org
              user: support@example.org
              password: imap-password
            smtp:
              host: smtp.example.org
            security:
              secret: 0123456789abcdef
            services:
              - id: it
                agents: [Alice@Example.org]
            categories:
              - name: Unsorted
                service: it
            default-category: unsorted
            """;

    static final String DEMO = """
            helpdesk:
              address: Support@Helpdesk.test
            mail:
              demo-server: true
            security:
              secret: 0123456789abcdef
            services:
              - id: it
                agents: [alice@helpdesk.test]
            categories:
              - name: Unsorted
                service: it
            default-category: Unsorted
            """;

    private final ConfigLoader loader = new ConfigLoader();

    static GuichetConfig load(String yaml) {
        return load(yaml, Map.of());
    }

    static GuichetConfig load(String yaml, Map<String, String> env) {
        return new ConfigLoader().load(yaml, "test.yml", name -> Optional.ofNullable(env.get(name)));
    }

    @Test
    void shippedConfigIsTheWorkingDemo() {
        GuichetConfig config = loader.load(Path.of("config/guichet.yml"));

        assertThat(config.helpdesk()).isEqualTo(new Helpdesk("University Helpdesk", "support@helpdesk.test", "en"));
        assertThat(config.mail()).isEqualTo(new MailSettings(true, true));
        assertThat(config.imap()).isEqualTo(new Imap("127.0.0.1", 3143, false, false, "support@helpdesk.test",
                "demo", "INBOX", "Processed", "Quarantine", Duration.ofSeconds(30), true, Duration.ofSeconds(30)));
        assertThat(config.smtp()).isEqualTo(new Smtp("127.0.0.1", 3025, false, false, "", "", Duration.ofSeconds(30)));
        assertThat(config.storage()).isEqualTo(new Storage("jdbc:h2:file:./data/guichet",
                Path.of("./data/attachments"), Path.of("./data/messages")));
        assertThat(config.tickets()).isEqualTo(new Tickets("Helpdesk", 7, true, OptionalInt.empty(), 3, 10));
        assertThat(config.limits()).isEqualTo(new Limits(50L * 1024 * 1024, 25L * 1024 * 1024, 10, 20));
        assertThat(config.security().secret()).hasSizeGreaterThanOrEqualTo(16);
        assertThat(config.security().requireProof()).isEqualTo(Security.RequireProof.AUTO);
        assertThat(config.security().proofRequired(config.mail().demoServer())).as("off in the demo").isFalse();
        assertThat(config.security().trustedAuthservId()).isEmpty();
        assertThat(config.services()).containsExactly(
                new Service("it", "IT support", List.of("alice@helpdesk.test"), Optional.of("lead@helpdesk.test")),
                new Service("admin", "Administration", List.of("bob@helpdesk.test")));
        assertThat(config.sla().enabled()).isTrue();
        assertThat(config.sla().calendar().zone()).isEqualTo(java.time.ZoneId.of("Europe/Paris"));
        assertThat(config.sla().target("it", "very-high")).contains(new Sla.Target(Duration.ofHours(1),
                Duration.ofHours(8)));
        assertThat(config.sla().target("admin", "normal")).contains(new Sla.Target(Duration.ofHours(10),
                Duration.ofHours(50)));
        assertThat(config.categories()).extracting(Category::name)
                .containsExactly("Network", "Software", "Hardware", "Payroll", "Enrolment", "Unsorted");
        assertThat(config.defaultCategory()).isEqualTo("Unsorted");
    }

    @Test
    void shippedCategoriesCarryTheirServicesAndKeywords() {
        GuichetConfig config = loader.load(Path.of("config/guichet.yml"));

        Category network = config.category("network").orElseThrow();
        assertThat(network.keywords()).containsExactly("network", "internet", "vpn");
        Category wifi = network.subcategory("WI-FI").orElseThrow();
        assertThat(wifi).isEqualTo(new Category("Wi-Fi", "it", List.of("wifi", "wi-fi", "eduroam"),
                List.of(), List.of()));
        assertThat(config.category("Software").orElseThrow().keywords())
                .containsExactly("software", "application", "install", "licence", "license");
        assertThat(config.category("Hardware").orElseThrow().keywords())
                .containsExactly("laptop", "computer", "printer", "screen");
        Category payroll = config.category("Payroll").orElseThrow();
        assertThat(payroll.service()).isEqualTo("admin");
        assertThat(payroll.keywords()).containsExactly("payslip", "salary", "fiche de paie");
        assertThat(config.category("Enrolment").orElseThrow().keywords())
                .containsExactly("enrolment", "registration", "inscription", "certificate");
        assertThat(config.category("Unsorted").orElseThrow().keywords()).isEmpty();
        assertThat(config.category("Wi-Fi")).as("only top-level categories").isEmpty();
    }

    @Test
    void lookupHelpersIgnoreCase() {
        GuichetConfig config = loader.load(Path.of("config/guichet.yml"));

        assertThat(config.service("IT").map(Service::name)).contains("IT support");
        assertThat(config.service("hr")).isEmpty();
        assertThat(config.agentAddresses()).containsExactlyInAnyOrder("alice@helpdesk.test", "bob@helpdesk.test");
        assertThat(config.isAgent("Bob@Helpdesk.TEST")).isTrue();
        assertThat(config.isAgent("carol@helpdesk.test")).isFalse();
    }

    @Test
    void defaultsApplyToARealMailbox() {
        GuichetConfig config = load(MINIMAL);

        assertThat(config.helpdesk()).isEqualTo(new Helpdesk("Helpdesk", "support@example.org", "en"));
        assertThat(config.mail()).isEqualTo(new MailSettings(false, true));
        assertThat(config.imap()).isEqualTo(new Imap("imap.example.org", 993, true, false, "support@example.org",
                "imap-password", "INBOX", "Processed", "Quarantine", Duration.ofSeconds(60), true,
                Duration.ofSeconds(30)));
        assertThat(config.smtp()).isEqualTo(new Smtp("smtp.example.org", 587, false, true, "", "",
                Duration.ofSeconds(30)));
        assertThat(config.smtp().authenticates()).isFalse();
        assertThat(config.storage()).isEqualTo(new Storage("jdbc:h2:file:./data/guichet",
                Path.of("./data/attachments"), Path.of("./data/messages")));
        assertThat(config.tickets()).isEqualTo(new Tickets("Helpdesk", 7, true));
        assertThat(config.limits()).isEqualTo(new Limits(52_428_800L, 26_214_400L, 10, 20));
        assertThat(config.security()).isEqualTo(new Security("0123456789abcdef", Security.RequireProof.AUTO, ""));
        assertThat(config.services()).containsExactly(new Service("it", "it", List.of("alice@example.org")));
        assertThat(config.defaultCategory()).as("spelled as the category is").isEqualTo("Unsorted");
    }

    @Test
    void demoModeFillsInTheEmbeddedServer() {
        GuichetConfig config = load(DEMO);

        assertThat(config.imap()).isEqualTo(new Imap("127.0.0.1", 3143, false, false, "support@helpdesk.test",
                "demo", "INBOX", "Processed", "Quarantine", Duration.ofSeconds(60), true, Duration.ofSeconds(30)));
        assertThat(config.smtp()).isEqualTo(new Smtp("127.0.0.1", 3025, false, false, "", "",
                Duration.ofSeconds(30)));
    }

    @Test
    void plainImapGetsStarttlsAndImplicitTlsSmtpGetsPort465() {
        GuichetConfig config = load(MINIMAL
                .replace("  host: imap.example.org\n", "  host: imap.example.org\n  ssl: false\n")
                .replace("  host: smtp.example.org\n", "  host: smtp.example.org\n  ssl: true\n"
                        + "  user: gateway\n  password: smtp-password\n"));

        assertThat(config.imap().port()).isEqualTo(143);
        assertThat(config.imap().starttls()).isTrue();
        assertThat(config.smtp().port()).isEqualTo(465);
        assertThat(config.smtp().starttls()).isFalse();
        assertThat(config.smtp().authenticates()).isTrue();
        assertThat(config.smtp().toString()).doesNotContain("smtp-password");
    }

    @Test
    void durationsAndSizesAcceptUnits() {
        GuichetConfig config = load(MINIMAL
                .replace("  password: imap-password\n", "  password: imap-password\n  poll-interval: 5m\n"
                        + "  timeout: 500ms\n")
                .replace("  host: smtp.example.org\n", "  host: smtp.example.org\n  timeout: 45\n")
                + "limits:\n  max-message-bytes: 25 MB\n  max-attachment-bytes: 512KiB\n"
                + "tickets:\n  auto-close-days: 14\n  tag: Support\n");

        assertThat(config.imap().pollInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.imap().timeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.smtp().timeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(config.limits().maxMessageBytes()).isEqualTo(25_000_000L);
        assertThat(config.limits().maxAttachmentBytes()).isEqualTo(524_288L);
        assertThat(config.tickets()).isEqualTo(new Tickets("Support", 14, true));
    }

    @Test
    void subcategoryInheritsItsParentsServiceUnlessItNamesOne() {
        GuichetConfig config = load(MINIMAL.replace("""
                  - name: Unsorted
                    service: it
                """, """
                  - name: Unsorted
                    service: IT
                    addresses: [Unsorted@Example.org]
                    subcategories:
                      - name: Inherits
                      - name: Own
                        service: admin
                """).replace("""
                    agents: [Alice@Example.org]
                """, """
                    agents: [Alice@Example.org]
                  - id: admin
                    agents: [bob@example.org]
                """));

        Category unsorted = config.category("unsorted").orElseThrow();
        assertThat(unsorted.service()).as("canonical id").isEqualTo("it");
        assertThat(unsorted.addresses()).containsExactly("unsorted@example.org");
        assertThat(unsorted.subcategory("inherits").map(Category::service)).contains("it");
        assertThat(unsorted.subcategory("own").map(Category::service)).contains("admin");
    }

    @Test
    void envSecretIsResolved() {
        GuichetConfig config = load(MINIMAL.replace("imap-password", "${env:IMAP_PASSWORD}")
                .replace("0123456789abcdef", "${env:GUICHET_SECRET}"),
                Map.of("IMAP_PASSWORD", "s3cret!", "GUICHET_SECRET", "a-long-enough-secret"));

        assertThat(config.imap().password()).isEqualTo("s3cret!");
        assertThat(config.security().secret()).isEqualTo("a-long-enough-secret");
        assertThat(config.imap().toString()).doesNotContain("s3cret!");
        assertThat(config.security().toString()).doesNotContain("a-long-enough-secret");
    }

    @Test
    void fileSecretIsRelativeToTheConfigFileAndTrimmed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("imap.txt"), "from-file \n\n");
        Path absolute = Files.writeString(dir.resolve("secret.txt"), "0123456789abcdefXYZ\n");
        Path file = Files.writeString(dir.resolve("guichet.yml"), MINIMAL
                .replace("imap-password", "${file:imap.txt}")
                .replace("0123456789abcdef", "${file:" + absolute + "}"));

        GuichetConfig config = loader.load(file);

        assertThat(config.imap().password()).isEqualTo("from-file");
        assertThat(config.security().secret()).isEqualTo("0123456789abcdefXYZ");
    }

    @Test
    void unsetEnvironmentVariableNamesKeyLineAndVariable() {
        assertThatThrownBy(() -> load(MINIMAL.replace("imap-password", "${env:IMAP_PASSWORD}"),
                Map.of("IMAP_PASSWORD", "")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("test.yml line 6: imap.password reads environment variable IMAP_PASSWORD, which is not"
                        + " set or empty; set it before starting Guichet");
    }

    @Test
    void unreadableSecretFileNamesKeyLineAndPath(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("guichet.yml"),
                MINIMAL.replace("0123456789abcdef", "${file:missing.txt}"));

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).contains(10);
                    assertThat(e.key()).contains("security.secret");
                })
                .hasMessageStartingWith(file + " line 10: cannot read security.secret from file "
                        + dir.resolve("missing.txt"));
    }

    @Test
    void secretsNeverAppearInMessages() {
        assertThatThrownBy(() -> load(MINIMAL.replace("0123456789abcdef", "${env:GUICHET_SECRET}"),
                Map.of("GUICHET_SECRET", "tooShort")))
                .hasMessage("test.yml line 10: security.secret must be at least 16 characters long, not 8;"
                        + " use a long random string")
                .message().doesNotContain("tooShort");
        assertThatThrownBy(() -> load(MINIMAL.replace("  host: imap.example.org\n",
                "  host: imap.example.org\n  port: ${env:PORT}\n"), Map.of("PORT", "hidden")))
                .hasMessage("test.yml line 5: imap.port must be a number from 1 to 65535, not the value of"
                        + " ${env:PORT}");
    }

    @Test
    void missingFileIsNamed() {
        assertThatThrownBy(() -> loader.load(Path.of("config/nowhere.yml")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config file " + Path.of("config/nowhere.yml") + " not found");
    }

    @Test
    void proofIsRequiredOutsideTheDemoUnlessSwitchedOffWithAWarning() {
        Security auto = load(MINIMAL).security();
        Security off = load(MINIMAL.replace("  secret: 0123456789abcdef\n",
                "  secret: 0123456789abcdef\n  require-proof: false\n")).security();

        assertThat(auto.proofRequired(false)).isTrue();
        assertThat(auto.warning(false)).isEmpty();
        assertThat(off.proofRequired(false)).isFalse();
        assertThat(off.warning(false)).contains("security.require-proof is false outside the demo: anyone who writes"
                + " an agent's or a requester's From address can act on their tickets; set it to auto");
        assertThat(off.warning(true)).isEmpty();
        assertThat(load(DEMO).security().secret()).isNotEqualTo(Security.DEMO_SECRET);
        assertThat(load(DEMO.replace("0123456789abcdef", Security.DEMO_SECRET)).security().secret())
                .as("the shipped secret is fine in the demo").isEqualTo(Security.DEMO_SECRET);
    }
}
