package org.guichet.route;

import java.util.ArrayList;
import org.guichet.parse.InboundMail;

/** Lets the parse benchmark time the router's priority patterns, which are package-private. */
public final class PriorityProbe {

    private PriorityProbe() {
    }

    /** The priority the rules choose for a new ticket opened by {@code mail}, as its ordinal. */
    public static int levelOf(InboundMail mail) {
        return new PriorityRules().choose(mail, new ArrayList<>()).priority().ordinal();
    }
}
