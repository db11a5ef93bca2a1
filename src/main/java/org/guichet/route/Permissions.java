package org.guichet.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.guichet.config.GuichetConfig;
import org.guichet.parse.InboundMail;
import org.guichet.parse.MailAddress;

/**
 * Checks each command against its sender: agent commands for agents, requester commands for the requester, and
 * every one of them only with proof of who sent the mail when {@code security.require-proof} resolves to on
 * (SPEC section 6).
 */
public final class Permissions {
    private final GuichetConfig config;
    private final boolean proofRequired;

    public Permissions(GuichetConfig config) {
        this.config = config;
        this.proofRequired = config.security().proofRequired(config.mail().demoServer());
    }

    /**
     * Who sent the mail, as far as commands are concerned.
     *
     * @param notTrusted why the sender's commands may not apply: proof is required and the mail gives none
     */
    public record Sender(String address, boolean agent, Optional<String> notTrusted) {
        public Sender {
            Objects.requireNonNull(address);
            Objects.requireNonNull(notTrusted);
        }

        /** Whether the sender's commands may apply: proven, or proof is not required. */
        public boolean trusted() {
            return notTrusted.isEmpty();
        }

        public boolean trustedAgent() {
            return agent && trusted();
        }
    }

    /** The sender of {@code mail}, trusted or not according to {@code proof}. */
    public Sender sender(InboundMail mail, Proof proof) {
        String address = mail.from().map(MailAddress::address).orElse("");
        boolean agent = config.isAgent(address);
        Optional<String> notTrusted = proofRequired && !proof.proven()
                ? Optional.of("nothing proves that this mail comes from " + (address.isEmpty() ? "its sender" : address)
                        + " (" + proof.why() + ")")
                : Optional.empty();
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
        MailCommand byRole = switch (c.name().role()) {
            case ANYONE -> c;
            case AGENT -> sender.agent() ? c
                    : c.refused(word + " is for agents only, and " + sender.address() + " is not an agent");
            case REQUESTER -> requester ? c : c.refused(word + " is for the ticket's requester only");
            case PARTY -> requester || sender.agent() ? c
                    : c.refused(word + " is for the ticket's requester and agents only");
        };
        if (!byRole.allowed() || c.name().role() == MailCommand.Role.ANYONE) {
            return byRole;
        }
        return sender.notTrusted().map(why -> c.refused(word + " refused: " + why)).orElse(c);
    }
}
