package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.guichet.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code guichet import}: a backlog handled as if it had arrived by IMAP, twice, and damaged files read anyway. */
class ImportIT {
    /** Large enough for every kind of mail many times over, small enough to keep the suite quick. */
    static final int MAILS = 1000;

    @TempDir
    Path dir;

    @RegisterExtension
    final TestHelpdesk.Extension helpdesk = TestHelpdesk.extension();

    JsonNode importJson(Path path, String... more) throws Exception {
        String[] args = new String[3 + more.length];
        args[0] = "import";
        args[1] = path.toString();
        args[2] = "--format=json";
        System.arraycopy(more, 0, args, 3, more.length);
        Cli.Run run = helpdesk.get().cli().run(args);
        assertThat(run.status()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    long count(String sql) {
        Database db = helpdesk.get().guichet.database();
        return db.inTransaction(c -> {
            try (var rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void anMboxImportedTwiceLeavesOneTicketPerRequestAndOneFollowUpPerReply() throws Exception {
        Path mbox = Backlog.mbox(dir.resolve("backlog.mbox"), MAILS);
        int requests = Backlog.newRequests(MAILS);

        JsonNode first = importJson(mbox);

        assertThat(first.get("read").asInt()).isEqualTo(MAILS);
        assertThat(first.get("newTickets").asInt()).isEqualTo(requests);
        assertThat(first.get("followUps").asInt()).isEqualTo(MAILS - requests);
        assertThat(first.get("duplicates").asInt()).isZero();
        assertThat(first.get("quarantined").asInt()).isZero();
        assertThat(first.get("damage")).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM ticket")).isEqualTo(requests);
        assertThat(count("SELECT COUNT(*) FROM message WHERE direction = 'in'")).isEqualTo(MAILS);
        // every reply is on the ticket of the request it answers
        assertThat(count("SELECT COUNT(*) FROM message m JOIN ticket t ON t.id = m.ticket_id"
                + " WHERE m.subject LIKE 'Re: Request %' AND 'Re: ' || t.subject <> m.subject")).isZero();
        // the quoted ">From " line of the mbox is stored as the sender wrote it
        assertThat(count("SELECT COUNT(*) FROM message WHERE body_text LIKE '%From the second floor, room 1.%'"
                + " AND body_text NOT LIKE '%>From%'")).isEqualTo(1);

        JsonNode second = importJson(mbox);

        assertThat(second.get("read").asInt()).isEqualTo(MAILS);
        assertThat(second.get("duplicates").asInt()).isEqualTo(MAILS);
        assertThat(second.get("newTickets").asInt()).isZero();
        assertThat(count("SELECT COUNT(*) FROM ticket")).isEqualTo(requests);
        assertThat(count("SELECT COUNT(*) FROM message WHERE direction = 'in'")).isEqualTo(MAILS);
    }

    @Test
    void importedMailIsNotAcknowledgedUnlessAsked() throws Exception {
        Path old = Files.createDirectories(dir.resolve("old/2023"));
        Files.writeString(old.resolve("a.eml"), GatewayIT.request("ann@example.org", "Old laptop", "old-1@example.org"));
        Path recent = Files.createDirectories(dir.resolve("recent"));
        Files.writeString(recent.resolve("b.EML"), GatewayIT.request("bea@example.org", "New laptop", "new-1@example.org"));
        Files.writeString(recent.resolve("notes.txt"), "not a mail");

        JsonNode quiet = importJson(dir.resolve("old"));
        JsonNode loud = importJson(dir.resolve("recent"), "--acknowledge");

        assertThat(quiet.get("newTickets").asInt()).isEqualTo(1);
        assertThat(loud.get("newTickets").asInt()).isEqualTo(1);
        assertThat(loud.get("read").asInt()).as("the .txt file is not read").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE event = 'acknowledgement' AND recipient = 'ann@example.org'"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM ticket_event e JOIN ticket t ON t.id = e.ticket_id"
                + " WHERE t.requester_address = 'ann@example.org' AND e.type = 'notification-suppressed'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE event = 'acknowledgement' AND recipient = 'bea@example.org'"))
                .isEqualTo(1);
        // the agents hear of both new tickets as of any other
        assertThat(count("SELECT COUNT(*) FROM outbox WHERE event = 'opened'")).isEqualTo(2);
    }

    @Test
    void aDamagedMboxIsReadAsFarAsPossibleAndTheDamageReported() throws Exception {
        String garbage = "This line was typed into the file by hand.\n";
        String zeros = "\0".repeat(512);
        String missingSeparator = Backlog.mail(3) + "\n";
        String truncated = "From user4@example.org Mon Sep  2 08:00:00 2024\nReturn-Path: <user4@example.org>\n"
                + "From: user4@example.org\nTo: support@helpdesk.test\nSubject: Scan attached\nMessage-ID: <cut@example.org>\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\n\n--b1\nContent-Type: text/plain\n\nSee the scan.\n--b1\n"
                + "Content-Type: application/pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0xLjQK";
        Path mbox = dir.resolve("damaged.mbox");
        Files.writeString(mbox, garbage + Backlog.entry(1) + zeros + Backlog.entry(2) + missingSeparator + truncated,
                StandardCharsets.ISO_8859_1);

        Cli.Run run = helpdesk.get().cli().run("import", mbox.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("4 mail(s) read: 4 new ticket(s), 0 follow-up(s)").contains("4 damage(s) found:")
                .contains("damaged.mbox line 1: 43 bytes of garbage")
                .contains("512 bytes of garbage")
                .contains("no 'From ' line before this mail")
                .contains("mail 4 is cut short (its last MIME part has no closing boundary)");
        assertThat(count("SELECT COUNT(*) FROM ticket")).isEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM ticket WHERE subject = 'Request 3'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM ticket WHERE subject = 'Scan attached'")).isEqualTo(1);
    }

    @Test
    void aPathThatDoesNotExistIsOneClearError() {
        Cli.Run run = helpdesk.get().cli().run("import", dir.resolve("nowhere.mbox").toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("guichet: nothing to import at " + dir.resolve("nowhere.mbox")
                + ": no such file or folder" + System.lineSeparator());
    }
}
