package org.guichet.route;

import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.guichet.parse.InboundMail;
import org.guichet.parse.MailAddress;

/**
 * Whether a mail proves who sent it (SPEC section 6): sent to the sender's own reply address of the ticket it
 * acts on, or vouched for by the receiving server's topmost {@code Authentication-Results}. A fact about the
 * mail, whatever {@code security.require-proof} says; the ticket side decides what needs it.
 */
public final class SenderProof {
    private final PlusAddress plus;
    private final AgentAuthentication authentication;

    /** {@code trustedAuthservId} blank: only reply tokens prove. */
    public SenderProof(PlusAddress plus, String trustedAuthservId) {
        this.plus = Objects.requireNonNull(plus);
        this.authentication = new AgentAuthentication(true, trustedAuthservId);
    }

    /**
     * The proof this mail gives of its From address, for commands on {@code ticket} (none for a mail that opens a
     * ticket: only Authentication-Results can prove it).
     */
    public Proof of(InboundMail mail, Optional<Long> ticket) {
        Optional<String> sender = mail.from().map(MailAddress::address);
        if (sender.isEmpty()) {
            return Proof.none("the mail has no From address");
        }
        Optional<Proof> byToken = ticket.flatMap(n -> byToken(mail, n, sender.get()));
        if (byToken.isPresent()) {
            return byToken.get();
        }
        Proof byServer = authentication.verify(mail.headers(), sender.get());
        if (byServer.proven() || ticket.isEmpty()) {
            return byServer;
        }
        return Proof.none("not sent to " + sender.get() + "'s own reply address of ticket #" + ticket.get()
                + ", and " + byServer.why());
    }

    private Optional<Proof> byToken(InboundMail mail, long ticket, String sender) {
        return Stream.concat(mail.to().stream(), mail.cc().stream())
                .map(MailAddress::address)
                .filter(address -> plus.proves(address, ticket, sender))
                .findFirst()
                .map(address -> Proof.token("sent to " + sender + "'s own reply address of ticket #" + ticket));
    }
}
