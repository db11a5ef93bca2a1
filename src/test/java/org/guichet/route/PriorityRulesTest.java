package org.guichet.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The priority sources of SPEC section 5, each alone, then in their order of precedence. */
class PriorityRulesTest {
    private final PriorityRules rules = new PriorityRules();

    @ParameterizedTest(name = "{0} / {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // subject | body | header | level | reason
        "[priority: high] Printer|Hello|-|HIGH|priority high: subject marker [priority: high]",
        "[priorité : très élevée] Panne|Bonjour|-|VERY_HIGH|priority very-high: subject marker [priorité : très élevée]",
        "Panne [PRIORITE: tres elevee]|Bonjour|-|VERY_HIGH|priority very-high: subject marker [PRIORITE: tres elevee]",
        "[Priority:Very-Low] later|Hi|-|VERY_LOW|priority very-low: subject marker [Priority:Very-Low]",
        "[priorité : normale] rien|Hi|-|NORMAL|priority normal: subject marker [priorité : normale]",
        "Printer|Priority: high|-|HIGH|priority high: line \"Priority: high\" in body",
        "Imprimante|'Bonjour,\n\n  Priorité : élevée\nMerci'|-|HIGH|priority high: line \"Priorité : élevée\" in body",
        "Printer|'a\nb\nc\nd\nPRIORITY: low'|-|LOW|priority low: line \"PRIORITY: low\" in body",
        "Printer|'a\nb\nc\nd\ne\nPriority: high'|-|NORMAL|priority normal: default",
        "Printer|Hi|X-Priority: 1 (Highest)|VERY_HIGH|priority very-high: X-Priority: 1 (Highest)",
        "Printer|Hi|X-Priority: 2 (High)|HIGH|priority high: X-Priority: 2 (High)",
        "Printer|Hi|X-Priority: 3|NORMAL|priority normal: X-Priority: 3",
        "Printer|Hi|X-Priority: 4 (Low)|LOW|priority low: X-Priority: 4 (Low)",
        "Printer|Hi|X-Priority: 5 (Lowest)|VERY_LOW|priority very-low: X-Priority: 5 (Lowest)",
        "Printer|Hi|X-Priority: 9|NORMAL|priority normal: default",
        "Printer|Hi|Importance: High|HIGH|priority high: Importance: High",
        "Printer|Hi|Importance: low|LOW|priority low: Importance: low",
        "Printer|Hi|Priority: urgent|HIGH|priority high: Priority: urgent",
        "Printer|Hi|Priority: non-urgent|LOW|priority low: Priority: non-urgent",
        "Printer|Hi|-|NORMAL|priority normal: default",
    })
    void eachSourceAlone(String subject, String body, String header, Priority level, String reason) {
        PriorityChoice choice = rules.choose(TestMails.mail(subject, body, header == null ? "" : header),
                new ArrayList<>());

        assertThat(choice).isEqualTo(new PriorityChoice(level, reason));
    }

    @ParameterizedTest(name = "{3}")
    @CsvSource(delimiter = '|', value = {
        "[priority: low] x|Priority: high|X-Priority: 1 (Highest)|subject marker beats body line|LOW",
        "Panne|Priorité : basse|X-Priority: 1 (Highest)|body line beats X-Priority|LOW",
        "Panne|Bonjour|X-Priority: 5|X-Priority beats Importance|VERY_LOW",
        "Panne|Bonjour|Importance: low|Importance beats Priority|LOW",
    })
    void theFirstSourceThatSaysSomethingWins(String subject, String body, String first, String why, Priority level) {
        String[] headers = {first, "Importance: high", "Priority: urgent"};

        assertThat(rules.choose(TestMails.mail(subject, body, headers), new ArrayList<>()).priority()).isEqualTo(level);
    }

    @Test
    void aMarkerNamingNoLevelIsSkippedAndTheNoteSaysWhy() {
        List<String> notes = new ArrayList<>();

        PriorityChoice choice = rules.choose(TestMails.mail("[priority: asap] Printer", "Priorité : urgentissime",
                "Importance: high"), notes);

        assertThat(choice).isEqualTo(new PriorityChoice(Priority.HIGH, "priority high: Importance: high"));
        assertThat(notes).containsExactly(
                "subject marker [priority: asap] names no priority level; it was ignored",
                "body line \"Priorité : urgentissime\" names no priority level; it was ignored");
    }
}
