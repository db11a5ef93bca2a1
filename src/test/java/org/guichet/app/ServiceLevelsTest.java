package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code show}, {@code stats} and {@code tickets --overdue} against a week of tickets whose due times and shares
 * are worked out by hand in the comments.
 */
class ServiceLevelsTest {
    static final String JANE = SlaTest.JANE;
    static final String ALICE = SlaTest.ALICE;

    @TempDir
    Path dir;
    MovableClock clock;
    InMemoryDesk desk;

    @AfterEach
    void stop() {
        desk.close();
    }

    /** {@code guichet ...} as run on the desk's database at the desk's time. */
    Cli.Run cli(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--config";
        all[1] = "test.yml";
        System.arraycopy(args, 0, all, 2, args.length);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(all, new PrintWriter(out, true), new PrintWriter(err, true),
                path -> new Guichet(desk.guichet.config(), path, clock));
        return new Cli.Run(status, out.toString(), err.toString());
    }

    long open(String subject) throws Exception {
        return CommandCases.open(desk, MailAs.newMail(JANE, subject, "Please help."));
    }

    void command(String from, long id, String body) throws Exception {
        desk.deliver(MailAs.newMail(from, "Re: [Helpdesk #" + id + "] x", body));
    }

    @Test
    void showStatsAndOverdueAgreeWithTheHandCount() throws Exception {
        // Monday 30 November 2026, 09:00 in Paris (08:00Z); office hours 08:00-18:00
        clock = new MovableClock(SlaTest.paris("2026-11-30T09:00"));
        desk = new InMemoryDesk(dir, SlaTest.CONFIG, clock, "levels-" + UUID.randomUUID());
        long fast = open("[priority: very high] Fast one");
        long slow = open("[priority: very high] Slow one");
        long payroll = open("[Payroll] Missing payslip");
        long cancelled = open("[priority: low] Never mind");
        command(JANE, cancelled, "#cancel");
        clock.advance(Duration.ofMinutes(30));
        command(ALICE, fast, "#take");
        clock.advance(Duration.ofHours(1));
        command(ALICE, slow, "#take");
        clock.advance(Duration.ofMinutes(30));
        command(ALICE, fast, "#resolve\nDone.");
        // Tuesday 11:00: a normal ticket, one business hour old at the time of the report
        clock.advance(Duration.ofHours(24));
        long young = open("Young one");
        clock.advance(Duration.ofHours(1));
        assertThat(clock.instant()).isEqualTo(SlaTest.paris("2026-12-01T12:00"));

        // fast: taken after 30 min of 1 h, resolved after 2 h of 8 h: both met
        Cli.Run show = cli("show", String.valueOf(fast));
        assertThat(show.status()).isZero();
        assertThat(show.out())
                .contains("  Take in charge: due 2026-11-30T09:00:00Z, done 2026-11-30T08:30:00Z: met")
                .contains("  Resolve:        due 2026-11-30T16:00:00Z, done 2026-11-30T10:00:00Z: met");
        // slow: taken after 1 h 30 (missed); Monday 09:00-17:00 makes its 8 h: overdue since then
        assertThat(cli("show", String.valueOf(slow)).out())
                .contains("  Take in charge: due 2026-11-30T09:00:00Z, done 2026-11-30T09:30:00Z: missed")
                .contains("  Resolve:        due 2026-11-30T16:00:00Z: overdue");
        // payroll: normal, 1 business day to take: Tuesday 09:00 Paris, still untaken
        Cli.Run json = cli("show", String.valueOf(payroll), "--format", "json");
        assertThat(json.err()).isEmpty();
        assertThat(json.out().replaceAll("\\s+", ""))
                .contains("\"serviceLevels\":{\"takeInCharge\":{\"due\":\"2026-12-01T08:00:00Z\",\"done\":null,"
                        + "\"met\":false},\"resolve\":{\"due\":\"2026-12-07T08:00:00Z\",\"done\":null,\"met\":null}}");
        // young: opened Tuesday 11:00 Paris, 1 of 10 h used: due Wednesday 11:00 Paris, running
        assertThat(cli("show", String.valueOf(young)).out())
                .contains("  Take in charge: due 2026-12-02T10:00:00Z: running");

        Cli.Run overdue = cli("tickets", "--overdue", "--format", "csv");
        assertThat(overdue.out().lines().skip(1).map(l -> l.split(",")[0]).toList())
                .containsExactly(String.valueOf(slow), String.valueOf(payroll));

        // decided targets: very-high take 1/2 (fast met, slow missed), resolve 1/2 (fast met, slow overdue);
        // normal take 0/1 (payroll missed, young undecided), resolve none decided; the cancelled one left out.
        // by service: admin take 0/1; it take 1/2, resolve 1/2
        Cli.Run stats = cli("stats");
        assertThat(stats.out()).contains("Response-time targets met");
        assertThat(stats.out().lines().filter(l -> l.startsWith("priority") || l.startsWith("service"))
                .map(l -> l.replaceAll("\\s+", " ").strip()).toList()).containsExactly(
                "priority very-high 1/2 (50 %) 1/2 (50 %)",
                "priority normal 0/1 (0 %) -",
                "service admin 0/1 (0 %) -",
                "service it 1/2 (50 %) 1/2 (50 %)");
        assertThat(cli("stats", "--format", "json").out().replaceAll("\\s+", ""))
                .contains("\"serviceLevels\":{\"byPriority\":[{\"name\":\"very-high\",\"takeInCharge\":");
        assertThat(cli("stats", "--format", "csv").out()).contains("sla-take-in-charge-by-service,admin,0,1")
                .contains("sla-resolve-by-priority,very-high,1,2");
    }
}
