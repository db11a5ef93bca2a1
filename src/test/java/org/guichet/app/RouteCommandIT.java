package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.guichet.ticket.TicketFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code guichet route}: anyone can see how a mail would be read and routed, and nothing is written. */
class RouteCommandIT {
    @RegisterExtension
    final TestHelpdesk.Extension helpdesk = TestHelpdesk.extension(yaml -> yaml.replace("  secret: test-secret-0123456789",
            "  secret: test-secret-0123456789\n  trusted-authserv-id: mx.helpdesk.test"));

    JsonNode route(String... files) throws Exception {
        List<String> args = new ArrayList<>(List.of("route"));
        args.addAll(List.of(files));
        args.addAll(List.of("--format", "json"));
        Cli.Run run = helpdesk.get().cli().run(args.toArray(String[]::new));
        assertThat(run.status()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    Path file(String name, String raw) throws Exception {
        Path file = helpdesk.get().dir.resolve(name);
        Files.write(file, raw.getBytes(StandardCharsets.UTF_8));
        return file;
    }

    @Test
    void aFrenchMailIsReadAndRoutedWithItsReasonsAndNothingIsWritten() throws Exception {
        Path mail = file("wifi.eml", "From: =?utf-8?Q?L=C3=A9a_Martin?= <lea@example.org>\r\nTo: support@helpdesk.test\r\n"
                + "Cc: paul@example.org\r\nSubject: =?utf-8?Q?Probl=C3=A8me_de_Wi-Fi_[priorit=C3=A9_:_tr=C3=A8s_=C3=A9lev=C3=A9e]?=\r\n"
                + "Message-ID: <wifi-1@example.org>\r\nDate: Sat, 28 Nov 2026 09:00:00 +0100\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\nLe Wi-Fi coupe toutes les heures.\r\n");

        JsonNode r = route(mail.toString());

        assertThat(r.get("file").asText()).isEqualTo(mail.toString());
        assertThat(r.get("from").get("address").asText()).isEqualTo("lea@example.org");
        assertThat(r.get("from").get("name").asText()).isEqualTo("Léa Martin");
        assertThat(r.get("to").get(0).asText()).isEqualTo("support@helpdesk.test");
        assertThat(r.get("cc").get(0).asText()).isEqualTo("paul@example.org");
        assertThat(r.get("subject").asText()).isEqualTo("Problème de Wi-Fi [priorité : très élevée]");
        assertThat(r.get("date").asText()).isEqualTo("2026-11-28T08:00:00Z");
        assertThat(r.get("messageId").asText()).isEqualTo("wifi-1@example.org");
        assertThat(r.get("text").asText()).contains("Le Wi-Fi coupe toutes les heures.");
        assertThat(r.get("automatic").isNull()).isTrue();
        assertThat(r.get("thread").isNull()).isTrue();
        assertThat(r.get("category").asText()).isEqualTo("Network");
        assertThat(r.get("subcategory").asText()).isEqualTo("Wi-Fi");
        assertThat(r.get("service").asText()).isEqualTo("it");
        assertThat(r.get("priority").asText()).isEqualTo("very-high");
        assertThat(r.get("reasons").toString()).contains("Wi-Fi", "very-high");
        assertThat(r.get("commands")).isEmpty();
        assertThat(r.get("problems").isArray()).isTrue();
        List<org.guichet.ticket.TicketSummary> tickets =
                helpdesk.get().guichet.tickets().inTransaction(tx -> tx.list(TicketFilter.all()));
        assertThat(tickets).isEmpty();
        assertThat(helpdesk.get().guichet.outbox().unsent()).isEmpty();
        assertThat(helpdesk.get().dir.resolve("attachments")).doesNotExist();
    }

    @Test
    void aReplyShowsItsTicketAndCommandsAndSeveralFilesGiveAnArray() throws Exception {
        helpdesk.get().send(MailAs.newMail("jane@example.org", "Printer in room 12", "Blank pages."));
        helpdesk.get().runOnce();
        Path agent = file("agent.eml", MailAs.newMail("alice@helpdesk.test", "Re: [Helpdesk #1] Printer in room 12",
                "#take\n#frobnicate\n\nOn my way.",
                // proof of the sender, as our receiving server writes it (SPEC section 6)
                "Authentication-Results: mx.helpdesk.test; dkim=pass header.d=helpdesk.test"));
        Path robot = file("ooo.eml", MailAs.newMail("holidays@example.org", "Out of office", "Away.",
                "Auto-Submitted: auto-replied"));

        JsonNode r = route(agent.toString(), robot.toString());

        assertThat(r.isArray()).isTrue();
        JsonNode reply = r.get(0);
        assertThat(reply.get("thread").get("ticket").asLong()).isEqualTo(1);
        assertThat(reply.get("thread").get("by").asText()).isEqualTo("subject");
        assertThat(reply.get("commands")).hasSize(2);
        assertThat(reply.get("commands").get(0).get("name").asText()).isEqualTo("take");
        assertThat(reply.get("commands").get(0).get("allowed").asBoolean()).isTrue();
        assertThat(reply.get("commands").get(1).get("allowed").asBoolean()).isFalse();
        assertThat(reply.get("commands").get(1).get("why").asText()).contains("unknown command");
        assertThat(reply.get("text").asText().strip()).isEqualTo("On my way.");
        assertThat(r.get(1).get("automatic").asText()).contains("Auto-Submitted");
        assertThat(helpdesk.get().guichet.tickets().inTransaction(tx -> tx.detail(1)).orElseThrow().summary().ticket()
                .assignee()).as("a dry run changes nothing").isEmpty();
    }
}
