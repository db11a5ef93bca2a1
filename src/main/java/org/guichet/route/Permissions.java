package org.guichet.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.guichet.config.GuichetConfig;
import org.guichet.parse.InboundMail;
import org.guichet.parse.MailAddress;

/** Checks each command against its sender: agent commands for trusted agents, requester commands for the requester. */
public final class Permissions {
    private final GuichetConfig config;
    private final AgentAuthentication authentication;

    public Permissions(GuichetConfig config) {
        this.config = config;
        // Until reply tokens are wired into every notification (issue 12, phase 2), only an explicit
        // require-proof: true asks agents for Authentication-Results here; auto is resolved there.
        this.authentication = new AgentAuthentication(
                config.security().requireProof() == org.guichet.config.Security.RequireProof.TRUE,
                config.security().trustedAuthservId());
    }

    /** Who sent the mail, as far as commands are concerned. */
    public record Sender(String address, boolean agent, Optional<String> notTrusted) {
        public boolean trustedAgent() {
            return agent && notTrusted.isEmpty();
        }
    }

    public Sender sender(InboundMail mail) {
        String address = mail.from().map(MailAddress::address).orElse("");
        boolean agent = config.isAgent(address);
        Optional<String> notTrusted = agent ? authentication.refusal(mail.headers(), address) : Optional.empty();
        return new Sender(address, agent, notTrusted);
    }

    /** The commands with {@code allowed} and {@code why} set for this sender and ticket (none for a new ticket). */
    public List<MailCommand> check(List<MailCommand> commands, Sender sender, Optional<TicketRef> ticket) {
        List<MailCommand> checked = new ArrayList<>();
        for (MailCommand c : commands) {
            checked.add(c.allowed() ? check(c, sender, ticket) : c);
        }
        return checked;
    }

    private MailCommand check(MailCommand c, Sender sender, Optional<TicketRef> ticket) {
        boolean requester = ticket.map(t -> t.requester().equalsIgnoreCase(sender.address())).orElse(true);
        String word = "#" + c.name().word();
        return switch (c.name().role()) {
            case ANYONE -> c;
            case AGENT -> agentOnly(c, sender, word);
            case REQUESTER -> requester ? c : c.refused(word + " is for the ticket's requester only");
            case PARTY -> requester || sender.trustedAgent() ? c
                    : sender.agent() ? c.refused(word + " refused: " + sender.notTrusted().orElse(""))
                    : c.refused(word + " is for the ticket's requester and agents only");
        };
    }

    private static MailCommand agentOnly(MailCommand c, Sender sender, String word) {
        if (!sender.agent()) {
            return c.refused(word + " is for agents only, and " + sender.address() + " is not an agent");
        }
        return sender.notTrusted().map(why -> c.refused(word + " refused: " + why)).orElse(c);
    }
}
