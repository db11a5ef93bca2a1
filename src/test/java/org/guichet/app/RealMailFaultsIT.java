package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a real server does to a client, and Guichet must survive with nothing lost and nothing twice: a change of
 * UIDVALIDITY, a connection dropped by the server in the middle of a FETCH, a MOVE refused as over quota.
 */
class RealMailFaultsIT {
    static final String FULL = "full@helpdesk.test";

    @RegisterExtension
    static final RealMailServers servers = new RealMailServers();

    @TempDir
    Path dir;

    RealMailHelpdesk helpdesk(java.util.function.UnaryOperator<String> edit) {
        return new RealMailHelpdesk(servers, dir, RealMailHelpdesk.Tls.IMPLICIT, edit, Clock.systemUTC());
    }

    @Test
    void aChangeOfUidValidityNeitherSkipsNorRepeatsAMail() throws Exception {
        try (RealMailHelpdesk helpdesk = helpdesk(yaml -> yaml);
                LogCapture log = new LogCapture("org.guichet.intake.UidValidityWatch")) {
            helpdesk.deliver(MailAs.newMail("ann@example.org", "Mouse broken", "Left button."));
            assertThat(helpdesk.ticketCount()).isEqualTo(1);
            helpdesk.send(MailAs.newMail("ann@example.org", "Keyboard broken", "Space bar."));

            // the server renumbers the mailbox, and a handled mail comes back to the INBOX (a restore, a person)
            servers.doveadm("mailbox", "update", "-u", RealMailHelpdesk.SUPPORT, "--uid-validity", "77", "INBOX");
            servers.doveadm("copy", "-u", RealMailHelpdesk.SUPPORT, "INBOX", "mailbox", "Processed", "ALL");
            assertThat(helpdesk.count(RealMailHelpdesk.SUPPORT, "INBOX")).isEqualTo(2);

            helpdesk.runOnce();
            assertThat(helpdesk.ticketCount()).as("the new mail handled once, the old one not again").isEqualTo(2);
            assertThat(helpdesk.count(RealMailHelpdesk.SUPPORT, "INBOX")).isZero();
            assertThat(log.count("UIDVALIDITY of INBOX changed")).isEqualTo(1);
        }
    }

    @Test
    void aConnectionKilledByTheServerMidFetchLosesNothingAndRepeatsNothing() throws Exception {
        try (RealMailHelpdesk helpdesk = helpdesk(yaml -> yaml)) {
            int before = helpdesk.ticketCount();
            String trailer = "\r\n".repeat(200);
            for (String subject : List.of("First", "Second", "Third")) {
                helpdesk.append(RealMailHelpdesk.SUPPORT, "INBOX", (MailAs.newMail("bea@example.org",
                        subject + " request", subject + " body.") + trailer).getBytes(StandardCharsets.UTF_8));
            }
            // Dovecot announces the second mail's size from its file name, then finds the file shorter: it drops
            // the connection in the middle of the FETCH answer, as any server dying mid-transfer would
            Path second = mailFile(servers.maildir(RealMailHelpdesk.SUPPORT), "Second request");
            byte[] whole = Files.readAllBytes(second);
            Files.write(second, java.util.Arrays.copyOf(whole, whole.length - 300));

            Throwable dropped = catchThrowable(helpdesk::runOnce);
            assertThat(dropped).as("the pass stops on the dropped connection").isNotNull();
            int afterDrop = helpdesk.ticketCount();
            assertThat(helpdesk.count(RealMailHelpdesk.SUPPORT, "INBOX")).as("every mail not handled is still there")
                    .isEqualTo(3 - (afterDrop - before));

            Files.write(second, whole); // the server is well again
            helpdesk.runOnce();
            helpdesk.runOnce();
            assertThat(helpdesk.ticketCount()).isEqualTo(before + 3);
            assertThat(helpdesk.count(RealMailHelpdesk.SUPPORT, "INBOX")).isZero();
            List<String> subjects = helpdesk.guichet.tickets().inTransaction(tx -> tx.list(
                    org.guichet.ticket.TicketFilter.all())).stream().map(t -> t.ticket().subject()).toList();
            assertThat(subjects).contains("First request", "Second request", "Third request").doesNotHaveDuplicates();
        }
    }

    @Test
    void aMoveRefusedAsOverQuotaLeavesTheMailInPlaceAndHandlesItOnce() throws Exception {
        // full@'s Archive/ quota root holds 6 KB, and an old 5 KB mail already fills most of it
        try (RealMailHelpdesk helpdesk = helpdesk(yaml -> yaml
                .replace("  user: support@helpdesk.test\n  password: support\n  poll-interval",
                        "  user: full@helpdesk.test\n  password: full\n  processed-folder: Archive/Processed\n"
                                + "  poll-interval"))) {
            helpdesk.append(FULL, "Archive/Processed", MailAs.newMail("old@example.org", "Old", "y".repeat(5000))
                    .getBytes(StandardCharsets.UTF_8));
            String padding = "x".repeat(1500);
            helpdesk.append(FULL, "INBOX", MailAs.newMail("cy@example.org", "Disk full", "Help. " + padding)
                    .getBytes(StandardCharsets.UTF_8));
            helpdesk.append(FULL, "INBOX", MailAs.newMail("cy@example.org", "Still full", "Help! " + padding)
                    .getBytes(StandardCharsets.UTF_8));

            Throwable refused = catchThrowable(helpdesk::runOnce);
            assertThat(refused).hasMessageContaining("OVERQUOTA");
            assertThat(helpdesk.ticketCount()).isEqualTo(2);
            assertThat(helpdesk.count(FULL, "INBOX")).isEqualTo(2);

            // the next pass finds the same mails: they are known, nothing is recorded twice
            assertThat(catchThrowable(helpdesk::runOnce)).hasMessageContaining("OVERQUOTA");
            assertThat(helpdesk.ticketCount()).isEqualTo(2);

            // room is made (the old mail goes): the mails move, still two tickets, one acknowledgement each
            servers.doveadm("expunge", "-u", FULL, "mailbox", "Archive/Processed", "SUBJECT", "Old");
            helpdesk.runOnce();
            assertThat(helpdesk.count(FULL, "INBOX")).isZero();
            assertThat(helpdesk.read(FULL, "Archive/Processed")).extracting(m -> m.getSubject())
                    .containsExactlyInAnyOrder("Disk full", "Still full");
            assertThat(helpdesk.ticketCount()).isEqualTo(2);
            assertThat(helpdesk.received("cy@example.org")).hasSize(2);
        }
    }

    private static Path mailFile(Path maildir, String subject) throws Exception {
        try (Stream<Path> files = Stream.concat(Files.list(maildir.resolve("cur")), Files.list(maildir.resolve("new")))) {
            for (Path file : files.toList()) {
                if (Files.readString(file, StandardCharsets.ISO_8859_1).contains("Subject: " + subject)) {
                    return file;
                }
            }
        }
        throw new AssertionError("no mail '" + subject + "' in " + maildir);
    }
}
