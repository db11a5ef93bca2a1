package org.guichet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TLS trust store and OAuth2 settings of {@code imap} and {@code smtp}: read, defaulted, and refused when wrong. */
class AccessConfigTest {
    private static final String MINIMAL = ConfigLoaderTest.MINIMAL;
    private static final String OAUTH2 = """
            oauth2:
              token-url: https://login.microsoftonline.com/tenant/oauth2/v2.0/token
              client-id: app-id
              client-secret: app-secret
              scope: https://outlook.office365.com/.default
            """;

    @TempDir
    Path dir;

    static String oauth2Imap(String yaml) {
        return yaml.replace("  password: imap-password\n", "  auth: oauth2\n");
    }

    @Test
    void byDefaultAPasswordAndTheJdksAuthorities() {
        GuichetConfig config = ConfigLoaderTest.load(MINIMAL);
        assertThat(config.imap().access()).isEqualTo(Access.password());
        assertThat(config.smtp().access()).isEqualTo(Access.password());
    }

    @Test
    void aTrustStoreIsAReadableFileRelativeToTheConfig() throws Exception {
        Path pem = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        String yaml = MINIMAL.replace("  host: imap.example.org\n", "  host: imap.example.org\n  trust-store: ca.pem\n");
        GuichetConfig config = new ConfigLoader().load(yaml, dir.resolve("guichet.yml").toString(),
                name -> Optional.empty());
        assertThat(config.imap().access().trustStore()).contains(pem);

        assertThatThrownBy(() -> new ConfigLoader().load(yaml.replace("ca.pem", "missing.pem"),
                dir.resolve("guichet.yml").toString(), name -> Optional.empty()))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.key()).contains("imap.trust-store");
                    assertThat(e.line()).contains(5);
                }).hasMessageContaining("not a readable file");
    }

    @Test
    void oauth2ReadsTheSharedSectionAndNeedsNoPassword() {
        GuichetConfig config = ConfigLoaderTest.load(oauth2Imap(MINIMAL) + OAUTH2);
        Access access = config.imap().access();
        assertThat(access.usesOAuth2()).isTrue();
        OAuth2 oauth2 = access.oauth2().orElseThrow();
        assertThat(oauth2.tokenUrl()).isEqualTo(URI.create("https://login.microsoftonline.com/tenant/oauth2/v2.0/token"));
        assertThat(oauth2.refreshes()).isFalse();
        assertThat(oauth2.toString()).doesNotContain("app-secret");
        assertThat(config.smtp().access().usesOAuth2()).isFalse();
    }

    @Test
    void oauth2WithoutItsSectionNamesTheKeyAndLine() {
        assertThatThrownBy(() -> ConfigLoaderTest.load(oauth2Imap(MINIMAL)))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.key()).contains("imap.auth");
                    assertThat(e.line()).contains(6);
                }).hasMessageContaining("no oauth2 section");
    }

    @Test
    void anUnknownAuthAPlainHttpTokenUrlAndAMissingSecretAreRefused() {
        assertThatThrownBy(() -> ConfigLoaderTest.load(MINIMAL.replace("  password: imap-password\n",
                "  password: imap-password\n  auth: kerberos\n")))
                .hasMessageContaining("imap.auth must be password or oauth2, not 'kerberos'");
        assertThatThrownBy(() -> ConfigLoaderTest.load(oauth2Imap(MINIMAL)
                + OAUTH2.replace("https://login", "http://login")))
                .hasMessageContaining("oauth2.token-url must be an https:// URL");
        assertThatThrownBy(() -> ConfigLoaderTest.load(oauth2Imap(MINIMAL)
                + OAUTH2.replace("  client-secret: app-secret\n", "")))
                .hasMessageContaining("missing value for oauth2.client-secret (or oauth2.refresh-token)");
    }

    @Test
    void smtpWithOauth2NeedsItsUser() {
        String yaml = MINIMAL.replace("  host: smtp.example.org\n", "  host: smtp.example.org\n  auth: oauth2\n")
                + OAUTH2;
        assertThatThrownBy(() -> ConfigLoaderTest.load(yaml)).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.key()).contains("smtp.user")).hasMessageContaining("missing value for smtp.user");
    }
}
