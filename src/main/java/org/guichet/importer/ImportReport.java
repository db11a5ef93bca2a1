package org.guichet.importer;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What an import did: mails read, what became of each, and the damage found in the files. */
public record ImportReport(int read, Map<Outcome, Integer> outcomes, List<Damage> damage) {
    public ImportReport {
        outcomes = Map.copyOf(outcomes.isEmpty() ? new EnumMap<>(Outcome.class) : new EnumMap<>(outcomes));
        damage = List.copyOf(damage);
    }

    public int count(Outcome outcome) {
        return outcomes.getOrDefault(outcome, 0);
    }
}
