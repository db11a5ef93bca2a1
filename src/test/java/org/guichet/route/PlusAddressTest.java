package org.guichet.route;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlusAddressTest {
    private final PlusAddress plus = new PlusAddress("support@helpdesk.test", "a-secret-of-16-chars");

    @Test
    void theReplyAddressOfATicketLeadsBackToIt() {
        String address = plus.addressFor(42);

        assertThat(address).matches("support\\+42-[0-9a-f]{10}@helpdesk\\.test");
        assertThat(plus.ticketOf(address)).contains(42L);
        assertThat(plus.ticketOf(address.toUpperCase())).contains(42L);
    }

    @Test
    void aMadeUpTokenOrAnotherNumberLeadsNowhere() {
        String token = plus.addressFor(42).replaceAll(".*-([0-9a-f]{10})@.*", "$1");

        assertThat(plus.ticketOf("support+43-" + token + "@helpdesk.test")).isEmpty();
        assertThat(plus.ticketOf("support+42-0000000000@helpdesk.test")).isEmpty();
        assertThat(plus.ticketOf("support@helpdesk.test")).isEmpty();
        assertThat(plus.ticketOf("support+42-" + token + "@elsewhere.test")).isEmpty();
    }

    @Test
    void anotherSecretGivesAnotherToken() {
        PlusAddress other = new PlusAddress("support@helpdesk.test", "another-secret-16-chars");

        assertThat(other.addressFor(42)).isNotEqualTo(plus.addressFor(42));
        assertThat(other.ticketOf(plus.addressFor(42))).isEmpty();
    }

    @Test
    void eachRecipientGetsTheirOwnTokenThatProvesOnlyThemOnlyForThatTicket() {
        String alice = plus.addressFor(42, "Alice@Helpdesk.test");

        assertThat(alice).matches("support\\+42-[a-z2-7]{12}@helpdesk\\.test");
        assertThat(alice).isEqualTo(plus.addressFor(42, " alice@helpdesk.test"));
        assertThat(plus.addressFor(42, "bob@helpdesk.test")).isNotEqualTo(alice);
        assertThat(plus.proves(alice, 42, "alice@helpdesk.test")).isTrue();
        assertThat(plus.proves(alice.toUpperCase(), 42, "ALICE@helpdesk.test")).isTrue();
        assertThat(plus.proves(alice, 42, "bob@helpdesk.test")).isFalse();
        assertThat(plus.proves(alice, 43, "alice@helpdesk.test")).isFalse();
        assertThat(plus.proves(alice.replace("+42-", "+43-"), 43, "alice@helpdesk.test")).isFalse();
        assertThat(plus.proves(plus.addressFor(42), 42, "alice@helpdesk.test")).isFalse();
    }

    @Test
    void aRecipientTokenThreadsForItsRecipientAndTheOlderTicketTokenForAnyone() {
        String alice = plus.addressFor(42, "alice@helpdesk.test");

        assertThat(plus.ticketOf(alice, "alice@helpdesk.test")).contains(42L);
        assertThat(plus.ticketOf(alice, "mallory@evil.example")).isEmpty();
        assertThat(plus.ticketOf(plus.addressFor(42), "mallory@evil.example")).contains(42L);
        assertThat(plus.ticketOf("support+42-aaaaaaaaaaaa@helpdesk.test", "alice@helpdesk.test")).isEmpty();
    }

    @Test
    void anyTicketShapedAddressNamesItsNumberButIsNoProof() {
        assertThat(plus.numberOf("support+42@helpdesk.test")).contains(42L);
        assertThat(plus.numberOf("support+42-made-up@helpdesk.test")).isEmpty();
        assertThat(plus.numberOf("support+42-madeup@helpdesk.test")).contains(42L);
        assertThat(plus.numberOf("support+network@helpdesk.test")).isEmpty();
        assertThat(plus.looksLikeTicketAddress("support+42@helpdesk.test")).isTrue();
        assertThat(plus.proves("support+42@helpdesk.test", 42, "alice@helpdesk.test")).isFalse();
    }

    @Test
    void withSeveralSupportAddressesEachWritesItsOwnAndAllAreRead() {
        PlusAddress both = new PlusAddress(java.util.List.of("support@helpdesk.test", "rh@univ.test"),
                "a-secret-of-16-chars");
        PlusAddress rh = both.at("rh@univ.test");

        String fromRh = rh.addressFor(7, "paul@example.org");
        assertThat(fromRh).matches("rh\\+7-[a-z2-7]{12}@univ\\.test");
        assertThat(both.addressFor(7, "paul@example.org")).startsWith("support+7-");
        // the token is the ticket's and the recipient's, whichever address carries it
        assertThat(both.provenTicketOf(fromRh, "paul@example.org")).contains(7L);
        assertThat(both.provenTicketOf(fromRh.replace("rh+", "support+").replace("univ.test", "helpdesk.test"),
                "paul@example.org")).contains(7L);
        assertThat(both.provenTicketOf(fromRh, "jane@example.org")).isEmpty();
        assertThat(both.provenTicketOf(fromRh.replace("univ.test", "elsewhere.test"), "paul@example.org")).isEmpty();
        assertThat(both.looksLikeTicketAddress("rh+12@univ.test")).isTrue();
        assertThat(plus.looksLikeTicketAddress("rh+12@univ.test")).isFalse();
    }
}
