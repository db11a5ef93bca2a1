package org.guichet.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** {@code mailboxes:}: several support addresses, each read from its own mailbox; and the single-imap form as one. */
class MailboxesConfigTest {

    /** Two mailboxes; line numbers below count from here. */
    private static final String TWO = """
            helpdesk:
              name: University
            smtp:
              host: smtp.example.org
            mailboxes:
              - name: support
                address: Support@Example.org
                imap:
                  host: imap.example.org
                  user: support
                  password: one
              - name: rh
                address: rh@example.org
                default-category: Payroll
                transfer-moves-address: true
                imap:
                  host: imap.example.org
                  user: rh
                  password: two
                  folder: Demandes
                smtp:
                  host: smtp.rh.example.org
                  user: rh
                  password: three
            security:
              secret: 0123456789abcdef
            services:
              - id: it
                agents: [alice@example.org]
              - id: admin
                agents: [bob@example.org]
            categories:
              - name: Unsorted
                service: it
              - name: Payroll
                service: admin
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
    void eachMailboxHasItsAddressImapSmtpAndDefaultCategory() {
        GuichetConfig config = ConfigLoaderTest.load(TWO);

        assertThat(config.mailboxes()).extracting(MailboxSettings::name).containsExactly("support", "rh");
        MailboxSettings support = config.mailboxes().get(0);
        MailboxSettings rh = config.mailboxes().get(1);
        assertThat(support.address()).isEqualTo("support@example.org");
        assertThat(support.imap().user()).isEqualTo("support");
        assertThat(support.smtp()).isEmpty();
        assertThat(support.smtpOr(config.smtp()).host()).isEqualTo("smtp.example.org");
        assertThat(support.defaultCategory()).isEmpty();
        assertThat(support.transferMovesAddress()).isFalse();
        assertThat(rh.imap().folder()).isEqualTo("Demandes");
        assertThat(rh.smtpOr(config.smtp()).host()).isEqualTo("smtp.rh.example.org");
        assertThat(rh.defaultCategory()).contains("Payroll");
        assertThat(rh.transferMovesAddress()).isTrue();
        // helpdesk.address left out: the first mailbox's
        assertThat(config.helpdesk().address()).isEqualTo("support@example.org");
        assertThat(config.imap()).isEqualTo(support.imap());
        assertThat(config.supportAddresses()).containsExactly("support@example.org", "rh@example.org");
        assertThat(config.mailboxOf(Optional.of("RH"))).isEqualTo(rh);
        assertThat(config.mailboxOf(Optional.of("gone"))).isEqualTo(support);
        assertThat(config.mailboxOf(Optional.empty())).isEqualTo(support);
    }

    @Test
    void theSingleImapSectionIsOneMailboxNamedDefault() {
        GuichetConfig config = ConfigLoaderTest.load(ConfigLoaderTest.MINIMAL);

        assertThat(config.mailboxes()).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("default");
            assertThat(m.address()).isEqualTo("support@example.org");
            assertThat(m.imap()).isEqualTo(config.imap());
            assertThat(m.smtp()).isEmpty();
            assertThat(m.defaultCategory()).isEmpty();
        });
    }

    @Test
    void aDefaultCategoryThatDoesNotExistIsRefusedWithItsLine() {
        refused(TWO.replace("default-category: Payroll", "default-category: Paie"), 14,
                "mailboxes[1].default-category")
                .hasMessageContaining("mailboxes[1].default-category names 'Paie', which is not a top-level category"
                        + " (top-level categories: Unsorted, Payroll)");
    }

    @Test
    void twoMailboxesWithOneNameAreRefused() {
        refused(TWO.replace("- name: rh", "- name: Support"), 12, "mailboxes[1].name")
                .hasMessageContaining("duplicate mailbox name 'Support'").hasMessageContaining("first at line 6");
    }

    @Test
    void twoMailboxesWithOneAddressAreRefused() {
        refused(TWO.replace("address: rh@example.org", "address: SUPPORT@example.org"), 13,
                "mailboxes[1].address")
                .hasMessageContaining("duplicate mailbox address").hasMessageContaining("first at line 7");
    }

    @Test
    void imapBesideMailboxesIsRefused() {
        String both = TWO.replace("smtp:\n  host: smtp.example.org\n",
                "smtp:\n  host: smtp.example.org\nimap:\n  host: imap.example.org\n");
        refused(both, 5, "imap").hasMessageContaining("imap cannot be used together with mailboxes");
    }

    @Test
    void aMailboxWithoutImapOrAddressIsRefused() {
        refused(TWO.replace("""
                    imap:
                      host: imap.example.org
                      user: rh
                """, """
                    other:
                      host: imap.example.org
                      user: rh
                """), 16, "mailboxes[1].other").hasMessageContaining("unknown key 'mailboxes[1].other'");
        refused(TWO.replace("    address: rh@example.org\n", ""), 12, "mailboxes[1].address")
                .hasMessageContaining("missing value for mailboxes[1].address");
    }

    @Test
    void aMailboxsImapKeysAreCheckedAsTheImapSectionIs() {
        refused(TWO.replace("      folder: Demandes", "      foldr: Demandes"), 20, "mailboxes[1].imap.foldr");
        refused(TWO.replace("      password: two\n", ""), 16, "mailboxes[1].imap.password")
                .hasMessageContaining("missing value for mailboxes[1].imap.password");
    }

    @Test
    void anEmptyListOrABadNameIsRefused() {
        String empty = TWO.substring(0, TWO.indexOf("mailboxes:")) + "mailboxes: []\n"
                + TWO.substring(TWO.indexOf("security:"));
        refused(empty, 5, "mailboxes").hasMessageContaining("mailboxes is an empty list");
        refused(TWO.replace("- name: rh", "- name: r h"), 12, "mailboxes[1].name")
                .hasMessageContaining("must be a short name");
    }
}
