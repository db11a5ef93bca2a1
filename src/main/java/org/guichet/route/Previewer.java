package org.guichet.route;

import org.guichet.parse.InboundMail;

/**
 * The dry run of {@code guichet route}: the decision the daemon takes, computed against the existing tickets
 * but applied to nothing, and shown as it is: its commands and the text it keeps.
 */
public final class Previewer {
    private final Router router;

    public Previewer(Router router) {
        this.router = router;
    }

    public Preview preview(InboundMail mail, TicketDirectory tickets) {
        Decision decision = router.decide(mail, tickets);
        return new Preview(decision, decision.commands().list(), decision.commands().rest());
    }
}
