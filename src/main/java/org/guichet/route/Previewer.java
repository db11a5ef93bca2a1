package org.guichet.route;

import java.util.List;
import java.util.Optional;
import org.guichet.config.GuichetConfig;
import org.guichet.parse.InboundMail;

/**
 * The dry run of {@code guichet route}: the same decisions the daemon takes, computed against the existing
 * tickets but applied to nothing.
 */
public final class Previewer {
    private final Router router;
    private final Permissions permissions;
    private final CommandParser commands = new CommandParser();

    public Previewer(GuichetConfig config, Router router) {
        this.router = router;
        this.permissions = new Permissions(config);
    }

    public Preview preview(InboundMail mail, TicketDirectory tickets) {
        Decision decision = router.decide(mail, tickets);
        Optional<TicketRef> ticket = decision.thread().flatMap(t -> tickets.byNumber(t.ticket()));
        // a follow-up keeps only what is new; a new ticket keeps the whole text (as the applier does)
        String body = decision.isFollowUp() ? mail.newText() : mail.text();
        List<MailCommand> found = decision.automatic().isPresent() ? List.of()
                : permissions.check(commands.read(mail.subject(), body), permissions.sender(mail), ticket);
        return new Preview(decision, found, commands.withoutCommands(body));
    }
}
