package org.guichet.parse;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Tallies, field by field, how often the parser agrees with the peers' expected results over the corpus. */
final class Agreement {

    /** The fields compared with the peers. */
    enum Field {
        SUBJECT, SENDER, ATTACHMENT_COUNT, ATTACHMENT_NAMES, ATTACHMENT_SIZES, TEXT;

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    private final Map<Field, Tally> tallies = new EnumMap<>(Field.class);

    Agreement() {
        for (Field field : Field.values()) {
            tallies.put(field, new Tally());
        }
    }

    /** Records one comparison; an excepted mail counts apart, neither for nor against the rate. */
    void record(Field field, String mail, boolean agreed, boolean excepted, String detail) {
        Tally tally = tallies.get(field);
        if (excepted) {
            tally.excepted.add(mail + (agreed ? " (now agrees: remove it from the exceptions)" : ""));
            tally.staleExceptions += agreed ? 1 : 0;
        } else if (agreed) {
            tally.agreed++;
        } else {
            tally.disagreements.add(mail + ": " + detail);
        }
    }

    /** Agreed mails over checked mails, exceptions left out; 1 when nothing was checked. */
    double rate(Field field) {
        Tally tally = tallies.get(field);
        int checked = tally.agreed + tally.disagreements.size();
        return checked == 0 ? 1 : (double) tally.agreed / checked;
    }

    int staleExceptions() {
        return tallies.values().stream().mapToInt(t -> t.staleExceptions).sum();
    }

    String report() {
        StringBuilder out = new StringBuilder("Agreement with the corpus's expected results:\n");
        tallies.forEach((field, tally) -> out.append(String.format(Locale.ROOT, "  %-17s %6.2f%% (%d/%d, %d excepted)%n",
                field.label(), 100 * rate(field), tally.agreed, tally.agreed + tally.disagreements.size(),
                tally.excepted.size())));
        tallies.forEach((field, tally) -> tally.disagreements.forEach(
                d -> out.append("  disagreement on ").append(field.label()).append(" in ").append(d).append('\n')));
        return out.toString();
    }

    private static final class Tally {
        private int agreed;
        private int staleExceptions;
        private final List<String> disagreements = new ArrayList<>();
        private final List<String> excepted = new ArrayList<>();
    }
}
