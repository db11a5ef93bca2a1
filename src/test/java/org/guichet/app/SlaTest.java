package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.guichet.ticket.Status;
import org.guichet.ticket.TicketDetail;
import org.guichet.ticket.TicketEvent;
import org.guichet.ticket.TicketFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Response-time promises on a clock the test moves: reminders, escalation, waiting tickets and the digest, each
 * computed from the database on a scheduler tick, so that a restart in between neither forgets nor repeats them.
 */
class SlaTest {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String JANE = "jane@example.org";
    static final String ALICE = "alice@helpdesk.test";
    static final String BOB = "bob@helpdesk.test";
    static final String LEAD = "lead@helpdesk.test";
    /** Office hours in Paris, a holiday, IT's team lead, and no proof asked: these tests are about time. */
    static final UnaryOperator<String> CONFIG = yaml -> yaml
            .replace("  locale: en\n", "  locale: en\n  timezone: Europe/Paris\n")
            .replace("    agents: [alice@helpdesk.test]\n", "    agents: [alice@helpdesk.test]\n    escalation: " + LEAD + "\n")
            .replace("  secret: test-secret-0123456789\n", "  secret: test-secret-0123456789\n  require-proof: false\n")
            + "sla:\n  hours: Mon-Fri 08:00-18:00\n  holidays: [2026-12-25]\n";

    @TempDir
    Path dir;
    final String database = "sla-" + UUID.randomUUID();
    MovableClock clock;
    InMemoryDesk desk;

    static Instant paris(String local) {
        return LocalDateTime.parse(local).atZone(PARIS).toInstant();
    }

    void startAt(String local) {
        clock = new MovableClock(paris(local));
        desk = new InMemoryDesk(dir, CONFIG, clock, database);
    }

    /** The daemon stops and starts again on the same database: nothing of the old one is kept but its data. */
    void restart() {
        desk.close();
        desk = new InMemoryDesk(dir, CONFIG, clock, database);
    }

    @AfterEach
    void stop() {
        if (desk != null) {
            desk.close();
        }
    }

    int tick() {
        return desk.guichet.timekeeper().run();
    }

    long open(String subject, String body) throws Exception {
        desk.deliver(MailAs.newMail(JANE, subject, body));
        return desk.guichet.tickets().inTransaction(tx -> tx.list(TicketFilter.all())).stream()
                .mapToLong(s -> s.ticket().id()).max().orElseThrow();
    }

    void reply(String from, long id, String body) throws Exception {
        desk.deliver(MailAs.newMail(from, "Re: [Helpdesk #" + id + "] x", body));
    }

    List<Desk.Sent> sent(String who, String containing) {
        return desk.sent(who).stream().filter(m -> m.text().contains(containing)).toList();
    }

    List<TicketEvent> events(long id, String type) {
        TicketDetail detail = desk.detail(id);
        return detail.events().stream().filter(e -> e.type().equals(type)).toList();
    }

    @Test
    void anUntakenVeryHighTicketRemindsTheAgentsOnceThenTellsTheLeadOnceAcrossARestart() throws Exception {
        startAt("2026-11-30T09:00");
        long id = open("[priority: very high] The lecture hall projector is dead", "The exam starts at 11.");

        clock.advance(Duration.ofMinutes(44));
        tick();
        assertThat(sent(ALICE, "Reminder")).as("44 of 60 minutes: not yet").isEmpty();

        clock.advance(Duration.ofMinutes(1));
        tick();
        tick();
        List<Desk.Sent> reminders = sent(ALICE, "Reminder");
        assertThat(reminders).as("at 45 minutes, once").hasSize(1);
        assertThat(reminders.get(0).subject()).contains("#" + id).contains("projector");
        assertThat(reminders.get(0).text()).contains("75% of its 1h target to be taken in charge")
                .contains("It is due 2026-11-30 10:00 CET").contains("The exam starts at 11.").contains("#take");
        assertThat(sent(LEAD, "")).isEmpty();
        assertThat(sent(BOB, "Reminder")).as("not an agent of IT").isEmpty();

        restart();
        clock.advance(Duration.ofMinutes(14));
        tick();
        assertThat(sent(ALICE, "Reminder")).as("the restart does not send it again").hasSize(1);
        assertThat(sent(LEAD, "")).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        tick();
        restart();
        tick();
        List<Desk.Sent> escalations = sent(LEAD, "Overdue");
        assertThat(escalations).as("at 60 minutes, once").hasSize(1);
        assertThat(escalations.get(0).text()).contains("missed its 1h target to be taken in charge")
                .contains("nobody has taken it yet").contains("It was due 2026-11-30 10:00 CET");
        assertThat(sent(ALICE, "Reminder")).hasSize(1);
        assertThat(events(id, "sla-reminder")).extracting(e -> e.to().orElseThrow())
                .containsExactly("take-75", "take-100");
        assertThat(events(id, "sla-reminder").get(0).detail()).isEqualTo(
                "75% of the 1h take-in-charge target used, due 2026-11-30 10:00 CET");
    }

    @Test
    void aTakenTicketRemindsItsAssigneeOfTheResolutionTargetThenTheLead() throws Exception {
        startAt("2026-11-30T09:00");
        long id = open("[priority: very high] Server room too hot", "The air conditioning stopped.");
        clock.advance(Duration.ofMinutes(10));
        reply(ALICE, id, "#take\nOn my way.");

        clock.advance(Duration.ofMinutes(349));
        tick();
        assertThat(sent(ALICE, "Reminder")).as("5h59 of 8h").isEmpty();
        clock.advance(Duration.ofMinutes(1));
        tick();
        assertThat(sent(ALICE, "Reminder")).hasSize(1).first().extracting(Desk.Sent::text).asString()
                .contains("75% of its 8h target to be resolved");
        // 15:00 + 2h = 17:00 due, the same day
        clock.advance(Duration.ofHours(2));
        tick();
        tick();
        assertThat(sent(LEAD, "Overdue")).hasSize(1).first().extracting(Desk.Sent::text).asString()
                .contains("missed its 8h target to be resolved; alice@helpdesk.test has it in hand");
        assertThat(events(id, "sla-reminder")).extracting(e -> e.to().orElseThrow())
                .containsExactly("resolve-75", "resolve-100");
    }

    @Test
    void businessHoursAndHolidaysAreRespected() throws Exception {
        // Thursday 24 December 17:30; Friday is Christmas, then a weekend: the hour runs out Monday 08:30
        startAt("2026-12-24T17:30");
        long id = open("[priority: very high] Payroll export fails", "Nothing happens.");

        clock.advance(Duration.ofMinutes(29));
        tick();
        clock.advance(Duration.ofDays(3).plusHours(14).plusMinutes(15));
        assertThat(clock.instant()).isEqualTo(paris("2026-12-28T08:14"));
        tick();
        assertThat(sent(ALICE, "Reminder")).as("29 + 14 = 43 business minutes").isEmpty();
        clock.advance(Duration.ofMinutes(1));
        tick();
        assertThat(sent(ALICE, "Reminder")).hasSize(1).first().extracting(Desk.Sent::text).asString()
                .contains("It is due 2026-12-28 08:30 CET");
        assertThat(events(id, "sla-reminder")).hasSize(1);
    }

    @Test
    void waitingTimeDoesNotCount() throws Exception {
        startAt("2026-11-30T09:00");
        long id = open("[priority: very high] Badge refused", "My badge does not open the lab.");
        clock.advance(Duration.ofMinutes(5));
        reply(ALICE, id, "#take\n#wait\nWhich door?");
        clock.advance(Duration.ofHours(6));
        tick();
        assertThat(sent(ALICE, "Reminder")).as("6h05 since it opened, but 6h of it waiting").isEmpty();
        clock.advance(Duration.ofMinutes(115));
        reply(JANE, id, "The north door.");
        assertThat(desk.detail(id).summary().ticket().status()).isEqualTo(Status.ASSIGNED);
        // 5 minutes before waiting, then from Monday 17:00: 1h on Monday and 4h54 on Tuesday make 5h59 of 8h
        clock.advance(Duration.ofHours(19).plusMinutes(54));
        assertThat(clock.instant()).isEqualTo(paris("2026-12-01T12:54"));
        tick();
        assertThat(sent(ALICE, "Reminder")).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        tick();
        assertThat(sent(ALICE, "Reminder")).hasSize(1).first().extracting(Desk.Sent::text).asString()
                .contains("It is due 2026-12-01 14:55 CET");
    }

    @Test
    void aWaitingTicketRemindsItsRequesterOnceThenResolvesItself() throws Exception {
        startAt("2026-11-30T09:00");
        long id = open("Printer on floor 2", "It prints blank pages.");
        reply(ALICE, id, "#take\n#wait\nWhich printer exactly?");

        clock.advance(Duration.ofDays(3).minusMinutes(1));
        tick();
        assertThat(sent(JANE, "waiting for your answer since")).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        tick();
        tick();
        List<Desk.Sent> reminders = sent(JANE, "waiting for your answer since");
        assertThat(reminders).hasSize(1);
        assertThat(reminders.get(0).text()).contains("since 2026-11-30").contains("resolved on 2026-12-10");
        assertThat(events(id, "waiting-reminder")).hasSize(1);
        assertThat(desk.detail(id).summary().ticket().status()).isEqualTo(Status.WAITING);

        restart();
        clock.advance(Duration.ofDays(7).minusMinutes(1));
        tick();
        assertThat(desk.detail(id).summary().ticket().status()).isEqualTo(Status.WAITING);
        clock.advance(Duration.ofMinutes(1));
        tick();
        TicketDetail detail = desk.detail(id);
        assertThat(detail.summary().ticket().status()).isEqualTo(Status.RESOLVED);
        assertThat(detail.events()).filteredOn(e -> e.type().equals("status")).last()
                .satisfies(e -> {
                    assertThat(e.to()).contains("resolved");
                    assertThat(e.actor()).isEqualTo("guichet");
                    assertThat(e.detail()).isEqualTo("resolved automatically: no answer from the requester while"
                            + " waiting");
                });
        assertThat(sent(JANE, "resolved")).isNotEmpty();
        assertThat(sent(JANE, "waiting for your answer since")).as("no second reminder").hasSize(1);
    }

    @Test
    void theMorningDigestListsEachAgentsTicketsSoonestDueFirstOncePerBusinessDay() throws Exception {
        startAt("2026-11-27T10:00");
        long normal = open("Software licence renewal", "The licence ends next month.");
        long veryHigh = open("[priority: very high] Exam room network down", "No network in room B12.");
        long printer = open("Printer jam", "Floor 2 printer is jammed.");
        reply(ALICE, printer, "#take\nLooking into it.");
        clock.advance(Duration.ofMinutes(1));
        long low = open("[priority: low] New mouse please", "Mine squeaks.");

        // Monday 30 November, 07:59 Paris: not yet; 08:00: each agent with tickets gets one digest
        clock.advance(Duration.ofDays(2).plusHours(21).plusMinutes(58));
        assertThat(clock.instant()).isEqualTo(paris("2026-11-30T07:59"));
        tick();
        assertThat(digests(ALICE)).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        tick();
        restart();
        tick();

        assertThat(digests(ALICE)).hasSize(1);
        assertThat(digests(ALICE).get(0).subject()).isEqualTo("Your tickets at Test Helpdesk on 2026-11-30");
        String text = digests(ALICE).get(0).text();
        // very high: due Friday 11:00, overdue; normal: 1 business day from Friday 10:00 is Monday 10:00;
        // low: 3 business days from Friday 10:01 is Wednesday 10:01
        assertThat(text).contains("Nobody has taken these yet (3):")
                .contains("#" + veryHigh + "  very high  2026-11-27 11:00 OVERDUE  [priority: very high] Exam room")
                .contains("#" + normal + "  normal  2026-11-30 10:00  Software licence renewal")
                .contains("#" + low + "  low  2026-12-02 10:01  [priority: low] New mouse please")
                // taken Friday within its day: resolve in 5 business days, the Friday after at 10:00
                .contains("In your hands (1):")
                .contains("#" + printer + "  normal  assigned  2026-12-04 10:00  Printer jam");
        assertThat(text.indexOf("#" + veryHigh + " ")).isLessThan(text.indexOf("#" + normal + " "));
        assertThat(text.indexOf("#" + normal + " ")).isLessThan(text.indexOf("#" + low + " "));
        assertThat(digests(BOB)).as("nothing for Bob: no digest rather than an empty one").isEmpty();

        // one a business day: Tuesday has its own, Saturday none
        clock.advance(Duration.ofDays(1));
        tick();
        assertThat(digests(ALICE)).hasSize(2);
        clock.advance(Duration.ofDays(4));
        assertThat(clock.instant()).isEqualTo(paris("2026-12-05T08:00"));
        tick();
        assertThat(digests(ALICE)).as("no digest on a Saturday").hasSize(2);
    }

    List<Desk.Sent> digests(String agent) {
        return desk.sent(agent).stream().filter(m -> m.subject().startsWith("Your tickets")).toList();
    }
}
