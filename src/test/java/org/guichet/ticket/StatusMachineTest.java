package org.guichet.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.guichet.ticket.StatusMachine.Who;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Every pair of statuses, for each kind of actor: exactly the transitions of SPEC section 3 are allowed. */
class StatusMachineTest {

    @ParameterizedTest(name = "{0} -> {1} by {2}")
    @CsvSource({
        // an agent takes, waits, resolves, closes, reopens
        "NEW, ASSIGNED, AGENT", "NEW, WAITING, AGENT", "NEW, RESOLVED, AGENT", "NEW, CLOSED, AGENT",
        "ASSIGNED, WAITING, AGENT", "ASSIGNED, RESOLVED, AGENT", "ASSIGNED, CLOSED, AGENT",
        "WAITING, ASSIGNED, AGENT", "WAITING, RESOLVED, AGENT", "WAITING, CLOSED, AGENT",
        "RESOLVED, ASSIGNED, AGENT", "RESOLVED, CLOSED, AGENT",
        // the requester withdraws, confirms, or reopens by replying
        "NEW, CANCELLED, REQUESTER", "ASSIGNED, CANCELLED, REQUESTER", "WAITING, CANCELLED, REQUESTER",
        "WAITING, ASSIGNED, REQUESTER", "RESOLVED, ASSIGNED, REQUESTER", "RESOLVED, CLOSED, REQUESTER",
        // Guichet itself: a reply reopening, the daily job closing, a ticket left waiting resolved
        "WAITING, ASSIGNED, SYSTEM", "WAITING, RESOLVED, SYSTEM", "RESOLVED, ASSIGNED, SYSTEM", "RESOLVED, CLOSED, SYSTEM"})
    void allowed(Status from, Status to, Who who) {
        assertThat(StatusMachine.refusal(from, to, who)).isEmpty();
    }

    /** Everything not listed above is refused with a reason. */
    @ParameterizedTest
    @EnumSource(Who.class)
    void everythingElseIsRefusedWithAReason(Who who) {
        for (Status from : Status.values()) {
            for (Status to : Status.values()) {
                boolean listed = allowedSet(who, from).contains(to);
                assertThat(StatusMachine.refusal(from, to, who).isEmpty())
                        .as("%s -> %s by %s", from, to, who).isEqualTo(listed);
                if (!listed) {
                    assertThat(StatusMachine.refusal(from, to, who).orElseThrow()).isNotBlank();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Status.class, names = {"CLOSED", "CANCELLED"})
    void finalStatusesNeverChange(Status status) {
        for (Who who : Who.values()) {
            for (Status to : Status.values()) {
                assertThat(StatusMachine.refusal(status, to, who)).isPresent();
            }
        }
    }

    @org.junit.jupiter.api.Test
    void theReasonsSayWhatToDoInstead() {
        assertThat(StatusMachine.refusal(Status.ASSIGNED, Status.CLOSED, Who.REQUESTER).orElseThrow())
                .contains("only a resolved ticket can be closed", "#cancel");
        assertThat(StatusMachine.refusal(Status.RESOLVED, Status.CANCELLED, Who.REQUESTER).orElseThrow())
                .contains("#close");
        assertThat(StatusMachine.refusal(Status.NEW, Status.CANCELLED, Who.AGENT).orElseThrow())
                .contains("only the requester can cancel");
        assertThat(StatusMachine.refusal(Status.CLOSED, Status.ASSIGNED, Who.REQUESTER).orElseThrow())
                .contains("final");
    }

    private static Set<Status> allowedSet(Who who, Status from) {
        return switch (who) {
            case AGENT -> switch (from) {
                case NEW -> EnumSet.of(Status.ASSIGNED, Status.WAITING, Status.RESOLVED, Status.CLOSED);
                case ASSIGNED -> EnumSet.of(Status.WAITING, Status.RESOLVED, Status.CLOSED);
                case WAITING -> EnumSet.of(Status.ASSIGNED, Status.RESOLVED, Status.CLOSED);
                case RESOLVED -> EnumSet.of(Status.ASSIGNED, Status.CLOSED);
                default -> EnumSet.noneOf(Status.class);
            };
            case REQUESTER -> switch (from) {
                case NEW, ASSIGNED -> EnumSet.of(Status.CANCELLED);
                case WAITING -> EnumSet.of(Status.CANCELLED, Status.ASSIGNED);
                case RESOLVED -> EnumSet.of(Status.CLOSED, Status.ASSIGNED);
                default -> EnumSet.noneOf(Status.class);
            };
            case SYSTEM -> switch (from) {
                case WAITING -> EnumSet.of(Status.ASSIGNED, Status.RESOLVED);
                case RESOLVED -> EnumSet.of(Status.ASSIGNED, Status.CLOSED);
                default -> EnumSet.noneOf(Status.class);
            };
        };
    }
}
