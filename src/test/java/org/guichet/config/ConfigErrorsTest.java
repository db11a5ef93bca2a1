package org.guichet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** Each way of getting the file wrong, with the exact line and key that the administrator is sent to. */
class ConfigErrorsTest {

    private static final String MINIMAL = ConfigLoaderTest.MINIMAL;

    /** A demo config with a category tree; line numbers below count from it. */
    private static final String CATALOG = """
            helpdesk:
              address: support@example.org
            mail:
              demo-server: true
            security:
              secret: 0123456789abcdef
            services:
              - id: it
                agents: [alice@example.org]
              - id: admin
                agents: [bob@example.org]
            categories:
              - name: Network
                service: it
                subcategories:
                  - name: Wi-Fi
                    keywords: [wifi]
              - name: Payroll
                service: admin
                keywords: [payslip]
              - name: Unsorted
                service: it
            default-category: Unsorted
            """;

    private static AbstractThrowableAssert<?, ?> refused(String yaml, int line, String key) {
        return assertThatThrownBy(() -> ConfigLoaderTest.load(yaml))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).as("line").contains(line);
                    assertThat(e.key()).as("key").contains(key);
                });
    }

    @Test
    void catalogFixtureIsValid() {
        assertThat(ConfigLoaderTest.load(CATALOG).categories()).hasSize(3);
    }

    @Test
    void unknownKeyListsTheKnownOnes() {
        refused(MINIMAL.replace("  host: imap.example.org\n", "  host: imap.example.org\n  prot: 993\n"), 5,
                "imap.prot")
                .hasMessage("test.yml line 5: unknown key 'imap.prot' (known keys: host, port, ssl, starttls, user,"
                        + " password, folder, processed-folder, quarantine-folder, poll-interval, idle, timeout, auth,"
                        + " trust-store, failover)");
    }

    @Test
    void unknownKeyAtTheTopLevel() {
        refused(MINIMAL + "limit:\n  max-message-bytes: 10\n", 18, "limit")
                .hasMessageStartingWith("test.yml line 18: unknown key 'limit' (known keys: helpdesk, mail, imap,");
    }

    @Test
    void unknownKeyInsideASubcategoryHasItsFullPath() {
        refused(CATALOG.replace("keywords: [wifi]", "kewords: [wifi]"), 17, "categories[0].subcategories[0].kewords")
                .hasMessage("test.yml line 17: unknown key 'categories[0].subcategories[0].kewords' (known keys:"
                        + " name, service, keywords, addresses, subcategories)");
    }

    @Test
    void unknownKeyInsideAService() {
        refused(CATALOG.replace("  - id: admin\n", "  - id: admin\n    agent: [x@example.org]\n"), 11,
                "services[1].agent")
                .hasMessageStartingWith("test.yml line 11: unknown key 'services[1].agent' (known keys: id, name,");
    }

    @Test
    void duplicateKey() {
        refused(MINIMAL.replace("  host: smtp.example.org\n", "  host: smtp.example.org\n  host: other\n"), 9,
                "smtp.host")
                .hasMessage("test.yml line 9: duplicate key 'smtp.host' (first at line 8); keep only one");
    }

    @Test
    void portMustBeANumber() {
        refused(MINIMAL.replace("  host: imap.example.org\n", "  host: imap.example.org\n  port: abc\n"), 5,
                "imap.port")
                .hasMessage("test.yml line 5: imap.port must be a number from 1 to 65535, not 'abc'");
    }

    @Test
    void portMustBeInRange() {
        refused(MINIMAL.replace("  host: smtp.example.org\n", "  host: smtp.example.org\n  port: 70000\n"), 9,
                "smtp.port")
                .hasMessage("test.yml line 9: smtp.port must be a number from 1 to 65535, not '70000'");
    }

    @Test
    void missingValueNamesTheParentMappingsLine() {
        refused("# the helpdesk\n" + MINIMAL.replace("  address: support@example.org\n", "  name: Desk\n"), 2,
                "helpdesk.address")
                .hasMessage("test.yml line 2: missing value for helpdesk.address");
    }

    @Test
    void missingSectionNamesTheTopLevel() {
        refused("\n" + MINIMAL.replace("helpdesk:\n  address: support@example.org\n", ""), 2, "helpdesk.address")
                .hasMessage("test.yml line 2: missing value for helpdesk.address");
    }

    @Test
    void emptyValueIsMissing() {
        refused(MINIMAL.replace("  host: imap.example.org\n", "  host:\n"), 4, "imap.host")
                .hasMessage("test.yml line 4: missing value for imap.host");
    }

    @Test
    void imapHostIsRequiredOutsideTheDemo() {
        refused(MINIMAL.replace("  host: imap.example.org\n", ""), 3, "imap.host")
                .hasMessage("test.yml line 3: missing value for imap.host");
    }

    @Test
    void booleansAreOnlyTrueOrFalse() {
        refused(MINIMAL.replace("  host: imap.example.org\n", "  host: imap.example.org\n  idle: yes\n"), 5,
                "imap.idle")
                .hasMessage("test.yml line 5: imap.idle must be true or false, not 'yes'");
    }

    @Test
    void sslAndStarttlsExcludeEachOther() {
        refused(MINIMAL.replace("  host: imap.example.org\n", "  host: imap.example.org\n  starttls: true\n"), 5,
                "imap.starttls")
                .hasMessage("test.yml line 5: imap.starttls cannot be true when imap.ssl is true;"
                        + " set one of them to false");
    }

    @Test
    void localeIsEnOrFr() {
        refused(MINIMAL.replace("  address: support@example.org\n", "  address: support@example.org\n  locale: de\n"),
                3, "helpdesk.locale")
                .hasMessage("test.yml line 3: helpdesk.locale must be en or fr, not 'de'");
    }

    @Test
    void badDurationAndSize() {
        refused(MINIMAL.replace("  host: imap.example.org\n", "  host: imap.example.org\n  poll-interval: 1 week\n"),
                5, "imap.poll-interval")
                .hasMessageStartingWith("test.yml line 5: imap.poll-interval must be a duration such as 30s,");
        refused(MINIMAL + "limits:\n  max-attachment-bytes: 25 MO\n", 19, "limits.max-attachment-bytes")
                .hasMessageStartingWith("test.yml line 19: limits.max-attachment-bytes must be a size such as 50MiB,");
    }

    @Test
    void theOldAgentAuthenticationKeyNamesItsReplacement() {
        refused(MINIMAL.replace("  secret: 0123456789abcdef\n",
                "  secret: 0123456789abcdef\n  require-authenticated-agents: true\n"), 11,
                "security.require-authenticated-agents")
                .hasMessageStartingWith("test.yml line 11: security.require-authenticated-agents was replaced by"
                        + " security.require-proof (auto, true or false;");
    }

    @Test
    void requireProofIsAutoTrueOrFalse() {
        refused(MINIMAL.replace("  secret: 0123456789abcdef\n", "  secret: 0123456789abcdef\n  require-proof: yes\n"),
                11, "security.require-proof")
                .hasMessage("test.yml line 11: security.require-proof must be auto, true or false, not 'yes'");
    }

    @Test
    void theDemoSecretIsRefusedOutsideTheDemo() {
        refused(MINIMAL.replace("0123456789abcdef", "demo-secret-change-me-in-production"), 10, "security.secret")
                .hasMessageStartingWith("test.yml line 10: security.secret is the demo's shipped secret,")
                .hasMessageContaining("mail.demo-server is false");
    }

    @Test
    void secretMustBeLongEnough() {
        refused(MINIMAL.replace("0123456789abcdef", "short"), 10, "security.secret")
                .hasMessage("test.yml line 10: security.secret must be at least 16 characters long, not 5;"
                        + " use a long random string");
    }

    @Test
    void categoryNamingAnUnknownService() {
        refused(CATALOG.replace("    service: admin\n", "    service: adm\n"), 19, "categories[1].service")
                .hasMessage("test.yml line 19: categories[1] (Payroll) names unknown service 'adm'"
                        + " (known services: it, admin)");
    }

    @Test
    void subcategoryNamingAnUnknownService() {
        refused(CATALOG.replace("      - name: Wi-Fi\n", "      - name: Wi-Fi\n        service: net\n"), 17,
                "categories[0].subcategories[0].service")
                .hasMessageStartingWith("test.yml line 17: categories[0].subcategories[0] (Wi-Fi) names unknown"
                        + " service 'net'");
    }

    @Test
    void topLevelCategoryNeedsAService() {
        refused(CATALOG.replace("    service: admin\n", ""), 18, "categories[1].service")
                .hasMessage("test.yml line 18: missing value for categories[1].service");
    }

    @Test
    void duplicateServiceId() {
        refused(CATALOG.replace("  - id: admin\n", "  - id: IT\n"), 10, "services[1].id")
                .hasMessage("test.yml line 10: duplicate service id 'IT' at services[1].id (first at line 8);"
                        + " give each service its own id");
    }

    @Test
    void duplicateCategoryNameAcrossTheTree() {
        refused(CATALOG.replace("  - name: Payroll\n", "  - name: WI-FI\n"), 18, "categories[1].name")
                .hasMessage("test.yml line 18: duplicate category name 'WI-FI' at categories[1].name (first at line"
                        + " 16); category names must be unique, ignoring case, across the whole tree");
    }

    @Test
    void subcategoriesHaveNoSubcategories() {
        refused(CATALOG.replace("        keywords: [wifi]\n",
                "        keywords: [wifi]\n        subcategories:\n          - name: Eduroam\n"), 18,
                "categories[0].subcategories[0].subcategories")
                .hasMessage("test.yml line 18: categories[0].subcategories[0] (Wi-Fi) is a subcategory and cannot"
                        + " have subcategories; categories have two levels only");
    }

    @Test
    void defaultCategoryMustNameATopLevelCategory() {
        refused(CATALOG.replace("default-category: Unsorted", "default-category: Misc"), 23, "default-category")
                .hasMessage("test.yml line 23: default-category names 'Misc', which is not a top-level category"
                        + " (top-level categories: Network, Payroll, Unsorted)");
        refused(CATALOG.replace("default-category: Unsorted", "default-category: Wi-Fi"), 23, "default-category");
    }

    @Test
    void agentMustBeAnEmailAddress() {
        refused(CATALOG.replace("[bob@example.org]", "[bob@example.org, bob]"), 11, "services[1].agents[1]")
                .hasMessage("test.yml line 11: services[1].agents[1] must be an email address such as"
                        + " alice@example.org, not 'bob'");
    }

    @Test
    void emptyKeyword() {
        refused(CATALOG.replace("[payslip]", "[payslip, \"\"]"), 20, "categories[1].keywords[1]")
                .hasMessage("test.yml line 20: categories[1].keywords[1] is an empty keyword; remove it or write a"
                        + " word");
        refused(CATALOG.replace("        keywords: [wifi]\n", "        keywords:\n          - wifi\n          -\n"),
                19, "categories[0].subcategories[0].keywords[1]");
    }

    @Test
    void categoryAddressLeadsToOneCategoryOnly() {
        refused(CATALOG.replace("    keywords: [payslip]\n", "    addresses: [pay@example.org]\n")
                .replace("  - name: Unsorted\n", "  - name: Unsorted\n    addresses: [PAY@example.org]\n"), 22,
                "categories[2].addresses[0]")
                .hasMessageContaining("already leads to Payroll");
    }

    @Test
    void listExpectedWhereAValueIsGiven() {
        refused(CATALOG.replace("[payslip]", "payslip"), 20, "categories[1].keywords")
                .hasMessage("test.yml line 20: categories[1].keywords must be a list such as [a, b], not a single"
                        + " value");
    }

    @Test
    void yamlSyntaxErrorGivesLineAndProblem() {
        assertThatThrownBy(() -> ConfigLoaderTest.load(MINIMAL.replace("  host: smtp.example.org\n",
                "  host: smtp.example.org\n   port: 25\n")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.line()).contains(9))
                .hasMessageStartingWith("test.yml line 9: the YAML syntax is wrong (")
                .hasMessageNotContaining("\n");
    }

    @Test
    void sectionWrittenAsOneValueDoesNotEchoIt() {
        refused(MINIMAL.replace("security:\n  secret: 0123456789abcdef\n", "security: hunter2hunter2hunter2\n"), 9,
                "security")
                .hasMessage("test.yml line 9: security must be a mapping of keys (secret, require-proof,"
                        + " trusted-authserv-id, require-authenticated-agents), not a single value");
    }

    @Test
    void topLevelMustBeAMapping() {
        refused("- helpdesk\n", 1, "")
                .hasMessageStartingWith("test.yml line 1: the top level of the file must be a mapping of keys"
                        + " (helpdesk, mail,");
    }
}
