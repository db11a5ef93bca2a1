package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.guichet.testdb.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code guichet db copy} and {@code db info} as an administrator moving from H2 to PostgreSQL uses them: the
 * copy shows the same tickets, goes on numbering where the source stopped, and refuses a target with data.
 */
class DbCommandsIT {
    @TempDir
    Path dir;

    TestHelpdesk helpdesk;
    final List<TestHelpdesk> others = new ArrayList<>();
    Path configFile;

    record Run(int status, String out, String err) {
    }

    @BeforeEach
    void start() throws Exception {
        helpdesk = TestHelpdesk.start(dir);
        configFile = dir.resolve("guichet.yml");
        Files.writeString(configFile, helpdesk.yaml(false));
    }

    @AfterEach
    void stop() {
        others.forEach(TestHelpdesk::close);
        helpdesk.close();
    }

    Run guichet(Path config, String... args) {
        List<String> all = new ArrayList<>(List.of("--config", config.toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true),
                Guichet::open);
        return new Run(status, out.toString(), err.toString());
    }

    /** The same helpdesk, its storage section naming another database. */
    TestHelpdesk on(Path folder, TestDatabase.Location database) {
        TestHelpdesk other = TestHelpdesk.start(folder, yaml -> yaml.replaceAll(
                "  database-url: .*\n(  database-user: .*\n  database-password: .*\n)?", database.yaml("  ")));
        others.add(other);
        return other;
    }

    @Test
    void aCopyOnPostgresqlShowsTheSameTicketsAndGoesOnNumbering() throws Exception {
        helpdesk.send(GatewayIT.request("jane@example.org", "Printer jammed", "req-1@example.org"));
        helpdesk.runOnce();
        helpdesk.send("From: jane@example.org\r\nTo: support@helpdesk.test\r\nSubject: Re: [Helpdesk #1] Printer jammed\r\n"
                + "Message-ID: <reply-1@example.org>\r\n\r\nRoom 204.\r\n");
        helpdesk.send(GatewayIT.request("max@example.org", "VPN down", "req-2@example.org"));
        helpdesk.runOnce();
        TestDatabase.Location target = TestDatabase.newPostgres("copy");

        Run copy = guichet(configFile, "db", "copy", "--to", target.url(), "--to-user", target.user(),
                "--to-password", target.password());

        assertThat(copy.status()).as(copy.err()).isZero();
        assertThat(copy.out()).contains("every count agrees").doesNotContain("DIFFERENT")
                .containsPattern("ticket +2 +2\\n").containsPattern("message +3 +3\\n")
                .containsPattern("ticket_event +\\d+ +\\d+\\n").containsPattern("outbox +\\d+ +\\d+\\n");
        TestHelpdesk copied = on(dir.resolve("copied"), target);
        Path copiedConfig = dir.resolve("copied.yml");
        Files.writeString(copiedConfig, copied.yaml(false));
        for (String ticket : List.of("1", "2")) {
            assertThat(guichet(copiedConfig, "show", ticket, "--format", "json").out())
                    .isEqualTo(guichet(configFile, "show", ticket, "--format", "json").out());
        }
        assertThat(guichet(copiedConfig, "outbox", "--format", "json").out())
                .isEqualTo(guichet(configFile, "outbox", "--format", "json").out());
        // the search columns of V70 come along: the copy finds what the original finds
        String found = guichet(configFile, "tickets", "--search", "jammed", "--format", "json").out();
        assertThat(found).contains("Printer jammed").doesNotContain("VPN down");
        assertThat(guichet(copiedConfig, "tickets", "--search", "jammed", "--format", "json").out()).isEqualTo(found);

        copied.send(GatewayIT.request("ann@example.org", "Screen flickers", "req-3@example.org"));
        copied.runOnce();
        assertThat(copied.ticket(3).subject()).isEqualTo("Screen flickers");
        assertThat(copied.ticketCount()).isEqualTo(3);
    }

    @Test
    void aTargetHoldingDataIsRefused() throws Exception {
        helpdesk.send(GatewayIT.request("jane@example.org", "Printer jammed", "req-1@example.org"));
        helpdesk.runOnce();
        TestDatabase.Location target = TestDatabase.newPostgres("busy");
        assertThat(guichet(configFile, "db", "copy", "--to", target.url(), "--to-user", target.user(),
                "--to-password", target.password()).status()).isZero();

        Run again = guichet(configFile, "db", "copy", "--to", target.url(), "--to-user", target.user(),
                "--to-password", target.password());

        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err()).contains("is not empty").contains("has rows");
    }

    @Test
    void dbInfoNamesTheKindTheMigrationsAndWhoReadsTheMailbox() {
        helpdesk.runOnce();

        Run info = guichet(configFile, "db", "info");

        String kind = TestDatabase.postgresql() ? "postgresql (PostgreSQL " : "h2 (H2 ";
        assertThat(info.status()).as(info.err()).isZero();
        assertThat(info.out()).contains("Kind     " + kind).contains("instance leases").contains("Success")
                .contains("Intake   nobody reads the mailbox now").contains("INSTANCE");
    }
}
