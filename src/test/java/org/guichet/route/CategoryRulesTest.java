package org.guichet.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.guichet.config.Category;
import org.guichet.config.GuichetConfig;
import org.guichet.parse.InboundMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The category rules of SPEC section 5 on the demo config: each rule, then which rule wins over which. */
class CategoryRulesTest {
    private static final GuichetConfig DEMO = TestMails.demoConfig();
    private final CategoryRules rules = new CategoryRules(DEMO, TestMails.plus(DEMO));

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // subject | body | category | service | reason
        "Problème de Wi-Fi|Bonjour, ça coupe.|Network/Wi-Fi|it|category Network/Wi-Fi: keyword 'wi-fi' in subject",
        "EDUROAM ne marche plus|Merci|Network/Wi-Fi|it|category Network/Wi-Fi: keyword 'eduroam' in subject",
        "Ma FICHE DE PAIE de février|Merci|Payroll|admin|category Payroll: keyword 'fiche de paie' in subject",
        "Installing the licence server|-|Software|it|category Software: keyword 'licence' in subject",
        "Network down, eduroam too|-|Network/Wi-Fi|it|category Network/Wi-Fi: keywords 'network', 'eduroam' in subject",
        "Inscription pédagogique|-|Enrolment|admin|category Enrolment: keyword 'inscription' in subject",
        // whole words only: neither "networking" nor "printers" is a keyword
        "Networking event on Friday|-|Unsorted|it|category Unsorted: default category",
        "Printers everywhere|-|Unsorted|it|category Unsorted: default category",
        "Aide|L'imprimante fait du bruit. The printer is jammed.|Hardware|it|category Hardware: keyword 'printer' in body",
        "Question|Mon écran reste noir.|Unsorted|it|category Unsorted: default category",
        "Question|My screen is black|Hardware|it|category Hardware: keyword 'screen' in body",
        // the subject decides before the body, whatever the body says
        "Salary question|My laptop, my laptop, my printer.|Payroll|admin|category Payroll: keyword 'salary' in subject",
        // the most matches wins, counted in occurrences
        "Help|The VPN fails on my laptop; the laptop is new and the laptop screen flickers.|Hardware|it|"
                + "category Hardware: keywords 'laptop', 'screen' in body",
        "Certificat de scolarité|-|Unsorted|it|category Unsorted: default category",
        "Certificate of enrolment|-|Enrolment|admin|category Enrolment: keywords 'enrolment', 'certificate' in subject",
    })
    void keywordsChooseTheCategoryWithTheMostMatches(String subject, String body, String path, String service,
            String reason) {
        CategoryChoice choice = rules.choose(TestMails.mail(subject, body == null ? "Hello" : body));

        assertThat(CategoryChoice.path(choice.category(), choice.subcategory())).isEqualTo(path);
        assertThat(choice.service()).isEqualTo(service);
        assertThat(choice.reason()).isEqualTo(reason);
    }

    @Test
    void aTieGoesToTheCategoryWrittenFirstAndTheReasonSaysSo() {
        CategoryChoice choice = rules.choose(TestMails.mail("VPN or laptop?", "Hello"));

        assertThat(choice.category().name()).isEqualTo("Network");
        assertThat(choice.reason()).isEqualTo("category Network: keyword 'vpn' in subject "
                + "(as many matches as Hardware; the first in the config wins)");
    }

    @Test
    void aSubcategoryMatchCountsForItsParentAgainstAnotherCategory() {
        // Network: 'internet' once, Wi-Fi: 'wifi' once; Payroll: 'salary' once. Network's 2 win.
        CategoryChoice choice = rules.choose(TestMails.mail("Salary page unreachable over internet and wifi", "x"));

        assertThat(CategoryChoice.path(choice.category(), choice.subcategory())).isEqualTo("Network/Wi-Fi");
    }

    @Test
    void quotedHistoryIsNotSearchedForKeywords() {
        InboundMail mail = TestMails.mail("Question", """
                Thanks, that is all.

                On Mon, 3 Mar 2025, Bob wrote:
                > my payslip is wrong""");

        assertThat(rules.choose(mail).category().name()).isEqualTo("Unsorted");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "[Network/Wi-Fi] salary question|Network/Wi-Fi|category Network/Wi-Fi: subject prefix [Network/Wi-Fi]",
        "[network / WI-FI] salary|Network/Wi-Fi|category Network/Wi-Fi: subject prefix [network / WI-FI]",
        // "wifi" names no category, so it is only a word: a keyword tied with 'salary', Network written first
        "[wifi] salary|Network/Wi-Fi|category Network/Wi-Fi: keyword 'wifi' in subject (as many matches as Payroll; "
                + "the first in the config wins)",
        "[Wi-Fi] my payslip|Network/Wi-Fi|category Network/Wi-Fi: subject prefix [Wi-Fi]",
        "[Payroll] new laptop|Payroll|category Payroll: subject prefix [Payroll]",
        "[PAYROLL]|Payroll|category Payroll: subject prefix [PAYROLL]",
        "Re: TR : [Hardware] eduroam|Hardware|category Hardware: subject prefix [Hardware]",
        "[priority: high] [Software] wifi|Software|category Software: subject prefix [Software]",
        "[Network/Printers] my payslip|Network|category Network: subject prefix [Network/Printers]",
        "[Réseau] my payslip|Payroll|category Payroll: keyword 'payslip' in subject",
        "My payslip [Hardware]|Payroll|category Payroll: keyword 'payslip' in subject",
    })
    void aSubjectPrefixNamesACategoryOrSubcategoryBeforeKeywords(String subject, String path, String reason) {
        CategoryChoice choice = rules.choose(TestMails.mail(subject, "Hello"));

        assertThat(CategoryChoice.path(choice.category(), choice.subcategory())).isEqualTo(path);
        assertThat(choice.reason()).isEqualTo(reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "To: support+wi-fi@helpdesk.test|Network/Wi-Fi|category Network/Wi-Fi: sent to support+wi-fi@helpdesk.test",
        "To: Support <SUPPORT+Payroll@helpdesk.test>|Payroll|category Payroll: sent to support+payroll@helpdesk.test",
        "Cc: support+hardware@helpdesk.test|Hardware|category Hardware: sent to support+hardware@helpdesk.test",
        "Delivered-To: support+software@helpdesk.test|Software|category Software: sent to support+software@helpdesk.test",
        "To: support+unknown@helpdesk.test|Payroll|category Payroll: subject prefix [Payroll]",
        "To: support+network@elsewhere.test|Payroll|category Payroll: subject prefix [Payroll]",
    })
    void thePlusAddressItWasSentToComesFirst(String header, String path, String reason) {
        CategoryChoice choice = rules.choose(TestMails.mail("[Payroll] eduroam down", "Hello", header));

        assertThat(CategoryChoice.path(choice.category(), choice.subcategory())).isEqualTo(path);
        assertThat(choice.reason()).isEqualTo(reason);
    }

    @Test
    void aTicketsReplyAddressIsNoCategory() {
        String reply = TestMails.plus(DEMO).addressFor(42);

        CategoryChoice choice = rules.choose(TestMails.mail("my payslip", "Hello", "To: " + reply));

        assertThat(choice.reason()).isEqualTo("category Payroll: keyword 'payslip' in subject");
    }

    @Test
    void aCategorysOwnAddressLeadsToItAndAnAccentedNameHasAPlainSlug() {
        Category wifi = new Category("Wi-Fi", "it", List.of("eduroam"), List.of("wifi@helpdesk.test"), List.of());
        Category network = new Category("Réseau", "it", List.of("vpn"), List.of(), List.of(wifi));
        Category paie = new Category("Paie", "admin", List.of("salaire"), List.of("paie@helpdesk.test"), List.of());
        Category unsorted = new Category("Unsorted", "it", List.of(), List.of(), List.of());
        GuichetConfig config = TestMails.withCategories(List.of(network, paie, unsorted));
        CategoryRules custom = new CategoryRules(config, TestMails.plus(config));

        assertThat(custom.choose(TestMails.mail("vpn", "x", "To: Paie <PAIE@helpdesk.test>")))
                .isEqualTo(new CategoryChoice(paie, Optional.empty(),
                        "category Paie: sent to paie@helpdesk.test, the address of Paie"));
        assertThat(custom.choose(TestMails.mail("salaire", "x", "Cc: wifi@helpdesk.test")))
                .isEqualTo(new CategoryChoice(network, Optional.of(wifi),
                        "category Réseau/Wi-Fi: sent to wifi@helpdesk.test, the address of Réseau/Wi-Fi"));
        assertThat(custom.choose(TestMails.mail("salaire", "x", "To: support+reseau@helpdesk.test")).reason())
                .isEqualTo("category Réseau: sent to support+reseau@helpdesk.test");
        assertThat(custom.choose(TestMails.mail("[RESEAU/wi-fi] salaire", "x")).reason())
                .isEqualTo("category Réseau/Wi-Fi: subject prefix [RESEAU/wi-fi]");
        assertThat(custom.choose(TestMails.mail("Le réseau", "Mon salaire n'est pas versé")).reason())
                .isEqualTo("category Paie: keyword 'salaire' in body");
    }
}
