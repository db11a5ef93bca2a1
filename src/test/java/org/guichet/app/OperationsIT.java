package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.guichet.testdb.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The administrator's commands of issue 18 against a real helpdesk (GreenMail, H2 migrated by Flyway):
 * finding tickets, saving attachments, the original mail, backup and restore, and the purge of closed tickets.
 */
class OperationsIT {
    static final Instant START = Instant.parse("2026-01-10T09:00:00Z");

    @TempDir
    Path dir;

    TestHelpdesk helpdesk;
    Path configFile;
    MovableClock clock = new MovableClock(START);

    record Run(int status, String out, String err) {
    }

    void start(String extraYaml) throws Exception {
        helpdesk = TestHelpdesk.start(dir, yaml -> yaml + extraYaml, clock);
        configFile = dir.resolve("guichet.yml");
        Files.writeString(configFile, helpdesk.yaml(false));
    }

    @AfterEach
    void stop() {
        if (helpdesk != null) {
            helpdesk.close();
        }
    }

    Run guichet(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), Guichet::open);
        return new Run(status, out.toString(), err.toString());
    }

    Run withConfig(String... args) {
        return withConfig(configFile, args);
    }

    Run withConfig(Path config, String... args) {
        List<String> all = new ArrayList<>(List.of("--config", config.toString()));
        all.addAll(List.of(args));
        return guichet(all.toArray(String[]::new));
    }

    List<Long> ids(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("tickets", "--format", "json"));
        all.addAll(List.of(args));
        Run run = withConfig(all.toArray(String[]::new));
        assertThat(run.status()).as(run.err()).isZero();
        List<Long> ids = new ArrayList<>();
        new ObjectMapper().readTree(run.out()).forEach(t -> ids.add(t.get("id").asLong()));
        return ids;
    }

    static String mail(String from, String subject, String id, String headers, String body) {
        return ("From: " + from + "\nTo: support@helpdesk.test\nSubject: " + subject + "\nMessage-ID: <" + id + ">\n"
                + headers + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n" + body + "\n")
                .replace("\n", "\r\n");
    }

    /**
     * The mail sent to its sender's own reply address of the ticket, read in the last notification they got about
     * it: the reply that proves who they are, as people act on a ticket (SPEC section 6).
     */
    String byReply(String raw, long ticket) {
        String from = raw.substring("From: ".length(), raw.indexOf("\r\n"));
        return raw.replaceFirst("To: support@helpdesk.test", "To: " + CommandCases.replyAddress(helpdesk, ticket, from));
    }

    static String withAttachments(String from, String subject, String id, Map<String, String> files) {
        StringBuilder b = new StringBuilder("From: " + from + "\nTo: support@helpdesk.test\nSubject: " + subject
                + "\nMessage-ID: <" + id + ">\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b1\"\n\n"
                + "--b1\nContent-Type: text/plain; charset=utf-8\n\nPlease see the attached files.\n");
        files.forEach((name, content) -> b.append("--b1\nContent-Type: application/octet-stream\n"
                + "Content-Disposition: attachment; filename=\"").append(name).append("\"\n"
                + "Content-Transfer-Encoding: base64\n\n")
                .append(Base64.getMimeEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8))).append("\n"));
        b.append("--b1--\n");
        return b.toString().replace("\n", "\r\n");
    }

    // ---- finding things

    @Test
    void ticketsAreFoundByWordsAccentsAndCaseIgnoredInSubjectsAndMessages() throws Exception {
        start("");
        helpdesk.deliver(mail("Jane <jane@example.org>", "=?utf-8?q?Probl=C3=A8me_d'imprimante?=", "a@example.org", "",
                "The printer on floor 2 is jammed."));
        helpdesk.deliver(mail("Paul <paul@example.org>", "Connexion", "b@example.org", "",
                "Le réseau de la salle 101 est coupé depuis ce matin."));
        helpdesk.deliver(mail("Jane <jane@example.org>", "Re: [Helpdesk #1] Problème d'imprimante", "c@example.org", "",
                "Also the toner is empty in Salle 101."));

        assertThat(ids("--search", "PROBLEME")).containsExactly(1L);
        assertThat(ids("--search", "reseau")).as("in the body of a message").containsExactly(2L);
        assertThat(ids("--search", "Réseau COUPÉ")).containsExactly(2L);
        assertThat(ids("--search", "salle 101")).as("each word anywhere in the ticket").containsExactlyInAnyOrder(1L, 2L);
        assertThat(ids("--search", "toner jammed")).as("words from two messages of one ticket").containsExactly(1L);
        assertThat(ids("--search", "printer reseau")).as("every word must be found").isEmpty();
        assertThat(ids("--search", "%")).as("a LIKE wildcard is only a character").isEmpty();
        assertThat(ids("--search", "_")).isEmpty();
    }

    @Test
    void ticketsAreFilteredByCategoryPriorityAndCreationDates() throws Exception {
        start("");
        helpdesk.deliver(mail("jane@example.org", "The wifi is down", "a@example.org", "", "No eduroam here."));
        clock.advance(Duration.ofDays(10));
        helpdesk.deliver(mail("paul@example.org", "Urgent: the VPN fails", "b@example.org", "Importance: high\n",
                "VPN error 809."));
        clock.advance(Duration.ofDays(10));
        helpdesk.deliver(mail("anna@example.org", "Payslip", "c@example.org", "", "I need my payslips."));

        assertThat(ids("--category", "wi-fi")).as("a subcategory, any case").containsExactly(1L);
        assertThat(ids("--category", "Network")).containsExactlyInAnyOrder(1L, 2L);
        assertThat(ids("--priority", "high")).containsExactly(2L);
        assertThat(ids("--since", "2026-01-20")).containsExactlyInAnyOrder(2L, 3L);
        assertThat(ids("--until", "2026-01-20")).as("the whole day of --until").containsExactlyInAnyOrder(1L, 2L);
        assertThat(ids("--since", "2026-01-15", "--until", "2026-01-25")).containsExactly(2L);
        assertThat(ids("--since", "2026-01-15", "--category", "network", "--search", "809")).containsExactly(2L);
        Run bad = withConfig("tickets", "--priority", "soon");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown priority 'soon'");
        Run badDate = withConfig("tickets", "--since", "yesterday");
        assertThat(badDate.status()).isEqualTo(2);
        assertThat(badDate.err()).contains("--since 'yesterday' is not a date");
    }

    // ---- attachments and the original mail

    @Test
    void attachmentsAreSavedInsideTheFolderUnderSafeNamesAndNothingIsOverwritten() throws Exception {
        start("");
        helpdesk.deliver(withAttachments("jane@example.org", "Documents", "a@example.org", new java.util.LinkedHashMap<>(
                Map.of("../../outside.txt", "escape attempt", "report.pdf", "%PDF-1.4 report"))));
        Path out = dir.resolve("out");

        Run first = withConfig("attachment", "1", "--out", out.toString());
        Run second = withConfig("attachment", "1", "report.pdf", "--out", out.toString());

        assertThat(first.status()).as(first.err()).isZero();
        List<Path> written;
        try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
            written = files.filter(Files::isRegularFile).toList();
        }
        Path real = out.toRealPath();
        assertThat(written).isNotEmpty().allMatch(f -> f.getParent().equals(real) || f.getParent().equals(out));
        assertThat(dir.resolve("outside.txt")).doesNotExist();
        assertThat(out.resolve("report.pdf")).hasContent("%PDF-1.4 report");
        assertThat(written.stream().map(f -> f.getFileName().toString())).anyMatch(n -> n.endsWith("outside.txt")
                && !n.startsWith("."));
        assertThat(second.status()).as(second.err()).isZero();
        assertThat(second.out()).contains("report (2).pdf");
        assertThat(out.resolve("report (2).pdf")).hasContent("%PDF-1.4 report");
        assertThat(out.resolve("report.pdf")).hasContent("%PDF-1.4 report");
        Run none = withConfig("attachment", "1", "nothing.doc", "--out", out.toString());
        assertThat(none.status()).isEqualTo(1);
        assertThat(none.err()).contains("no attachment named nothing.doc");
        assertThat(withConfig("attachment", "9", "--out", out.toString()).err()).contains("no ticket #9");
    }

    @Test
    void showRawPrintsTheOriginalMailByteForByte() throws Exception {
        start("");
        String original = mail("Jane <jane@example.org>", "=?utf-8?q?Probl=C3=A8me?=", "raw-1@example.org",
                "X-Custom: kept as sent\n", "Bonjour, l'écran est noir.");
        helpdesk.append(original.getBytes(StandardCharsets.UTF_8));
        helpdesk.runOnce();

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        Run run;
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            run = withConfig("show", "1", "--raw", "1");
        } finally {
            System.setOut(stdout);
        }

        assertThat(run.status()).as(run.err()).isZero();
        String raw = bytes.toString(StandardCharsets.UTF_8);
        assertThat(raw).contains("Subject: =?utf-8?q?Probl=C3=A8me?=", "X-Custom: kept as sent",
                "Message-ID: <raw-1@example.org>", "Bonjour, l'écran est noir.");
        assertThat(withConfig("show", "1").out()).contains("--- 1. ");
        Run outOfRange = withConfig("show", "1", "--raw", "5");
        assertThat(outOfRange.status()).isEqualTo(1);
        assertThat(outOfRange.err()).contains("ticket #1 has 1 message(s); --raw takes 1 to 1");
    }

    // ---- backup and restore

    @Test
    void aBackupTakenWhileTheHelpdeskRunsRestoresTheSameTicketsMessagesAndFiles() throws Exception {
        start("");
        helpdesk.deliver(withAttachments("jane@example.org", "Payslips", "a@example.org",
                Map.of("payslip-march.pdf", "%PDF march")));
        helpdesk.deliver(mail("paul@example.org", "VPN", "b@example.org", "", "The VPN fails."));
        helpdesk.deliver(mail("paul@example.org", "Re: [Helpdesk #2] VPN", "c@example.org", "", "Still failing."));
        Path archive = dir.resolve("backups/guichet-backup.tar.gz");

        Run backup = withConfig("backup", archive.toString());
        helpdesk.deliver(mail("late@example.org", "After the backup", "d@example.org", "", "Not in the backup."));

        assertThat(backup.status()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("Backup written to", "the database", "1 attachment file(s)",
                "3 raw mail(s)");
        Path restored = Files.createDirectories(dir.resolve("restored"));
        Path restoredConfig = restored.resolve("guichet.yml");
        Files.writeString(restoredConfig, TestHelpdesk.yaml(false, helpdesk.smtpPort, helpdesk.imapPort, restored));

        Run restore = withConfig(restoredConfig, "restore", archive.toString());

        assertThat(restore.status()).as(restore.err()).isZero();
        if (TestDatabase.postgresql()) {
            // PostgreSQL is backed up with its own tool: the archive holds the stored files, and both commands say so
            assertThat(backup.out()).contains("pg_dump");
            assertThat(restore.out()).contains("no database", "pg_restore");
            assertThat(files(restored.resolve("attachments"))).isEqualTo(files(dir.resolve("attachments")));
            return;
        }
        assertThat(restore.out()).contains("2 ticket(s)");
        assertThat(restored.resolve("db/guichet.password")).as("the database opens with the password it had")
                .hasSameTextualContentAs(dir.resolve("db/guichet.password"));
        List<Path> written = new ArrayList<>(List.of(restored.resolve("db"), restored.resolve("db/guichet.mv.db"),
                restored.resolve("db/guichet.password")));
        for (String store : List.of("attachments", "messages")) {
            try (Stream<Path> all = Files.walk(restored.resolve(store))) {
                written.addAll(all.filter(p -> !p.toString().contains("spool")).toList());
            }
        }
        assertThat(written).hasSizeGreaterThan(3 + 2 + 4).allSatisfy(p -> assertThat(mode(p)).as(p.toString())
                .isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------"));
        for (String id : List.of("1", "2")) {
            JsonNode before = json(withConfig("show", id, "--format", "json").out());
            JsonNode after = json(withConfig(restoredConfig, "show", id, "--format", "json").out());
            assertThat(after).isEqualTo(before);
        }
        assertThat(ids()).hasSize(3);
        assertThat(json(withConfig(restoredConfig, "tickets", "--format", "json").out())).hasSize(2);
        assertThat(files(restored.resolve("attachments"))).isEqualTo(files(dir.resolve("attachments")));
        Map<String, String> rawBefore = files(dir.resolve("messages"));
        Map<String, String> rawAfter = files(restored.resolve("messages"));
        assertThat(rawAfter).hasSize(3);
        assertThat(rawBefore).containsAllEntriesOf(rawAfter);
        assertThat(withConfig(restoredConfig, "attachment", "1", "--out", restored.resolve("out").toString()).status())
                .isZero();
        assertThat(restored.resolve("out/payslip-march.pdf")).hasContent("%PDF march");

        Run again = withConfig(restoredConfig, "restore", archive.toString());
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err()).contains("exists already: restore into an empty data folder");
        Run overwrite = withConfig("backup", archive.toString());
        assertThat(overwrite.status()).isEqualTo(1);
        assertThat(overwrite.err()).contains("exists already");
    }

    @Test
    void anArchiveThatIsNotAGuichetBackupIsRefusedBeforeAnythingIsWritten() throws Exception {
        start("");
        Path bogus = dir.resolve("bogus.tar.gz");
        Files.write(bogus, "not a tarball at all".getBytes(StandardCharsets.UTF_8));
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path emptyConfig = empty.resolve("guichet.yml");
        Files.writeString(emptyConfig, TestHelpdesk.yaml(false, helpdesk.smtpPort, helpdesk.imapPort, empty));

        Run run = withConfig(emptyConfig, "restore", bogus.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("is not a .tar.gz Guichet backup");
        assertThat(empty.resolve("attachments")).doesNotExist();
    }

    // ---- retention

    @Test
    void purgeDeletesTicketsClosedBeforeTheDateWithTheirFilesButKeepsSharedOnes() throws Exception {
        start("");
        helpdesk.deliver(withAttachments("jane@example.org", "Old request", "a@example.org",
                Map.of("shared.pdf", "%PDF shared", "mine.pdf", "%PDF only ticket one")));
        helpdesk.deliver(withAttachments("paul@example.org", "Other request", "b@example.org",
                Map.of("shared.pdf", "%PDF shared")));
        helpdesk.deliver(byReply(mail("jane@example.org", "Re: [Helpdesk #1] Old request", "c@example.org", "", "#cancel"), 1));
        clock.advance(Duration.ofDays(40));
        helpdesk.deliver(mail("anna@example.org", "Recent request", "d@example.org", "", "Hello"));
        helpdesk.deliver(byReply(mail("anna@example.org", "Re: [Helpdesk #3] Recent request", "e@example.org", "", "#cancel"), 3));
        assertThat(helpdesk.ticket(1).status().code()).isEqualTo("cancelled");
        Map<String, String> attachmentsBefore = files(dir.resolve("attachments"));
        int rawBefore = files(dir.resolve("messages")).size();

        Run dry = withConfig("purge", "--closed-before", "2026-02-01", "--dry-run");

        assertThat(dry.status()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("Would delete 1 ticket(s)", "(#1 to #1)", "2 message(s)",
                "Nothing was deleted");
        assertThat(ids()).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(files(dir.resolve("attachments"))).isEqualTo(attachmentsBefore);

        Run purge = withConfig("purge", "--closed-before", "2026-02-01", "--as", "admin");

        assertThat(purge.status()).as(purge.err()).isZero();
        assertThat(purge.out()).contains("Deleted 1 ticket(s)", "2 message(s)", "2 attachment(s)");
        assertThat(ids()).containsExactlyInAnyOrder(2L, 3L);
        assertThat(withConfig("show", "1").err()).contains("no ticket #1");
        Map<String, String> attachmentsAfter = files(dir.resolve("attachments"));
        assertThat(attachmentsAfter).hasSize(attachmentsBefore.size() - 1)
                .containsValue(sha("%PDF shared")).doesNotContainValue(sha("%PDF only ticket one"));
        assertThat(files(dir.resolve("messages"))).as("the two raw mails of ticket 1").hasSize(rawBefore - 2);
        assertThat(helpdesk.detail(2).messages().get(0).attachments()).hasSize(1);
        Run history = withConfig("purge", "--history");
        assertThat(history.out()).contains("by cli:admin", "1 ticket(s) (#1 to #1)", "2 message(s)");
        assertThat(withConfig("status").out()).contains("1 purged");
    }

    @Test
    void withRetentionDaysTheDaemonsDailyJobPurgesOnlyWhatIsOldEnough() throws Exception {
        start("tickets:\n  retention-days: 30\n");
        helpdesk.deliver(mail("jane@example.org", "Old", "a@example.org", "", "Hello"));
        helpdesk.deliver(byReply(mail("jane@example.org", "Re: [Helpdesk #1] Old", "b@example.org", "", "#cancel"), 1));
        helpdesk.deliver(mail("paul@example.org", "Open", "c@example.org", "", "Still open"));
        clock.advance(Duration.ofDays(29));

        helpdesk.guichet.retention().runScheduled();
        assertThat(helpdesk.ticketCount()).as("closed 29 days ago: kept").isEqualTo(2);

        clock.advance(Duration.ofDays(2));
        helpdesk.guichet.retention().runScheduled();

        assertThat(helpdesk.ticketCount()).isEqualTo(1);
        assertThat(helpdesk.ticket(2).subject()).isEqualTo("Open");
        assertThat(withConfig("purge", "--history").out()).contains("by retention", "1 ticket(s) (#1 to #1)");
    }

    @Test
    void purgeWithoutADateIsAUsageError() throws Exception {
        start("");
        Run run = withConfig("purge");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--closed-before DATE is required");
    }

    // ---- metrics of a quarantined mail

    @Test
    void aQuarantinedMailIsCountedWithoutStoppingIntake() throws Exception {
        start("limits:\n  max-message-bytes: 2KiB\n");
        helpdesk.send(mail("jane@example.org", "Huge", "huge@example.org", "", "x".repeat(4000)));
        helpdesk.send(mail("paul@example.org", "Small", "small@example.org", "", "A short question."));

        helpdesk.runOnce();

        String metrics = helpdesk.guichet.metrics().scrape();
        assertThat(metrics).contains("guichet_mails_quarantined_total 1.0", "guichet_mails_handled_total 1.0",
                "guichet_tickets{status=\"new\"} 1.0", "guichet_mail_handling_seconds_count 2");
    }

    static String mode(Path path) throws Exception {
        return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    /** Every file under a folder, by path relative to it, with the SHA-256 of its content. */
    static Map<String, String> files(Path root) throws Exception {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path f : walk.filter(Files::isRegularFile).filter(f -> !f.toString().contains("spool")).toList()) {
                files.put(root.relativize(f).toString(), sha(Files.readAllBytes(f)));
            }
        }
        return files;
    }

    static String sha(String text) throws Exception {
        return sha(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
