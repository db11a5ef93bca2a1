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
}
