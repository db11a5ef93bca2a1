package org.guichet.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.guichet.config.GuichetConfig;
import org.guichet.parse.InboundMail;
import org.junit.jupiter.api.Test;

/** What proves a mail's From: the sender's own reply address of the ticket, or our server's verdict. */
class SenderProofTest {
    private static final GuichetConfig CONFIG = TestMails.demoConfig();
    private final PlusAddress plus = TestMails.plus(CONFIG);
    private final SenderProof proofs = new SenderProof(plus, "mx.helpdesk.test");

    private static InboundMail from(String sender, String... headers) {
        return TestMails.mailFrom(sender, "Re: [Helpdesk #42] VPN", "#take", headers);
    }

    @Test
    void aReplyToOnesOwnReplyAddressProvesTheSender() {
        Proof proof = proofs.of(from("alice@helpdesk.test", "To: " + plus.addressFor(42, "alice@helpdesk.test")),
                Optional.of(42L));

        assertThat(proof).isEqualTo(Proof.token("sent to alice@helpdesk.test's own reply address of ticket #42"));
    }

    @Test
    void aForgedFromOnSomeoneElsesOrAnotherTicketsOrTheOlderAddressProvesNothing() {
        String alices = plus.addressFor(42, "alice@helpdesk.test");

        assertThat(proofs.of(from("bob@helpdesk.test", "To: " + alices), Optional.of(42L)).proven()).isFalse();
        assertThat(proofs.of(from("alice@helpdesk.test", "To: " + alices), Optional.of(43L)).proven()).isFalse();
        assertThat(proofs.of(from("alice@helpdesk.test", "To: " + plus.addressFor(42)), Optional.of(42L)).why())
                .isEqualTo("not sent to alice@helpdesk.test's own reply address of ticket #42, and no "
                        + "Authentication-Results from mx.helpdesk.test on top of the header vouches for alice@helpdesk.test");
        assertThat(proofs.of(from("alice@helpdesk.test", "To: " + alices), Optional.empty()).proven()).isFalse();
    }

    @Test
    void ourServersAlignedDkimPassProvesTheSenderOnAnyTicketOrANewOne() {
        InboundMail mail = from("alice@helpdesk.test",
                "Authentication-Results: mx.helpdesk.test; dkim=pass header.d=helpdesk.test");

        assertThat(proofs.of(mail, Optional.of(42L)).kind()).isEqualTo(Proof.Kind.AUTHENTICATION_RESULTS);
        assertThat(proofs.of(mail, Optional.empty()).kind()).isEqualTo(Proof.Kind.AUTHENTICATION_RESULTS);
    }

    @Test
    void aMailWithoutFromProvesNothing() {
        InboundMail mail = TestMails.mailFrom("undisclosed-recipients:;", "x", "y");

        assertThat(proofs.of(mail, Optional.of(42L))).isEqualTo(Proof.none("the mail has no From address"));
    }
}
