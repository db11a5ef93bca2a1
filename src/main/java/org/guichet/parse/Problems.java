package org.guichet.parse;

import java.util.ArrayList;
import java.util.List;

/** The bounded list of what was malformed in one mail, filled while it is parsed; repeated sentences are kept once. */
final class Problems {

    static final String LEFT_OUT = "Further problems were left out.";

    private final List<String> entries = new ArrayList<>();

    /** Records one short sentence; once the list is full, its last entry says that more were left out. */
    void add(String sentence) {
        if (entries.contains(sentence)) {
            return;
        }
        if (entries.size() < InboundMail.MAX_PROBLEMS - 1) {
            entries.add(sentence);
        } else if (entries.size() == InboundMail.MAX_PROBLEMS - 1) {
            entries.add(LEFT_OUT);
        }
    }

    List<String> list() {
        return List.copyOf(entries);
    }
}
