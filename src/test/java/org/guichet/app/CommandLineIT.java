package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The command line as an administrator uses it: exit codes, one-line errors, the JSON of SPEC section 9. */
class CommandLineIT {
    @RegisterExtension
    final TestHelpdesk.Extension helpdesk = TestHelpdesk.extension();

    void openOneTicketWithAReply() throws Exception {
        helpdesk.get().send(GatewayIT.request("jane@example.org", "Printer jammed", "req-1@example.org"));
        helpdesk.get().runOnce();
        helpdesk.get().send("From: jane@example.org\r\nTo: support@helpdesk.test\r\nSubject: Re: [Helpdesk #1] Printer jammed\r\n"
                + "Message-ID: <reply-1@example.org>\r\n\r\nRoom 204.\r\n");
        helpdesk.get().runOnce();
    }

    @Test
    void ticketsAsJsonHasTheFieldsOfTheSpec() throws Exception {
        openOneTicketWithAReply();

        Cli.Run run = helpdesk.get().cli().run("tickets", "--format", "json");

        assertThat(run.status()).isZero();
        JsonNode tickets = new ObjectMapper().readTree(run.out());
        assertThat(tickets.isArray()).isTrue();
        assertThat(tickets).hasSize(1);
        JsonNode t = tickets.get(0);
        assertThat(iterable(t)).containsExactly("id", "subject", "status", "priority", "category", "subcategory",
                "service", "requester", "assignee", "observers", "created", "updated", "messages", "attachments");
        assertThat(t.get("id").asLong()).isEqualTo(1);
        assertThat(t.get("subject").asText()).isEqualTo("Printer jammed");
        assertThat(t.get("status").asText()).isEqualTo("new");
        assertThat(t.get("priority").asText()).isEqualTo("normal");
        assertThat(t.get("category").asText()).isEqualTo("Unsorted");
        assertThat(t.get("subcategory").isNull()).isTrue();
        assertThat(t.get("service").asText()).isEqualTo("it");
        assertThat(iterable(t.get("requester"))).containsExactly("address", "name");
        assertThat(t.get("requester").get("address").asText()).isEqualTo("jane@example.org");
        assertThat(t.get("requester").get("name").asText()).isEqualTo("Jane Doe");
        assertThat(t.get("assignee").isNull()).isTrue();
        assertThat(t.get("observers").isArray()).isTrue();
        assertThat(t.get("created").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(t.get("messages").asInt()).isEqualTo(2);
        assertThat(t.get("attachments").asInt()).isZero();
    }

    @Test
    void showAsJsonGivesMessagesAndEvents() throws Exception {
        openOneTicketWithAReply();

        Cli.Run run = helpdesk.get().cli().run("show", "1", "--format", "json");

        assertThat(run.status()).isZero();
        JsonNode t = new ObjectMapper().readTree(run.out());
        assertThat(t.get("id").asLong()).isEqualTo(1);
        JsonNode messages = t.get("messages");
        assertThat(messages).hasSize(2);
        assertThat(iterable(messages.get(0))).containsExactly("direction", "from", "date", "text", "internal",
                "attachments");
        assertThat(messages.get(0).get("direction").asText()).isEqualTo("in");
        assertThat(messages.get(0).get("from").get("address").asText()).isEqualTo("jane@example.org");
        assertThat(messages.get(0).get("from").get("name").asText()).isEqualTo("Jane Doe");
        assertThat(t.get("requester").get("name").asText()).isEqualTo("Jane Doe");
        assertThat(messages.get(1).get("text").asText()).contains("Room 204.");
        assertThat(messages.get(1).get("internal").asBoolean()).isFalse();
        JsonNode events = t.get("events");
        assertThat(iterable(events.get(0))).containsExactly("at", "actor", "type", "from", "to", "detail");
        assertThat(events.get(0).get("type").asText()).isEqualTo("created");
        assertThat(events.get(0).get("to").asText()).isEqualTo("new");
        assertThat(events).anySatisfy(e -> assertThat(e.get("type").asText()).isEqualTo("reply"));
        assertThat(t.get("firstResponse").isNull()).isTrue();
        assertThat(t.get("resolved").isNull()).isTrue();
        assertThat(t.get("closed").isNull()).isTrue();
        // the acknowledgement and the agents' notice, each queued then sent
        assertThat(t.get("notifications")).anySatisfy(n -> assertThat(n.get("type").asText()).isEqualTo("delivery"))
                .anySatisfy(n -> assertThat(n.get("detail").asText()).contains("acknowledgement queued for"));
    }

    @Test
    void ticketsAsTableAndCsv() throws Exception {
        openOneTicketWithAReply();

        Cli.Run table = helpdesk.get().cli().run("tickets");
        Cli.Run csv = helpdesk.get().cli().run("tickets", "--format", "csv", "--status", "new");

        assertThat(table.status()).isZero();
        assertThat(table.out()).contains("ID", "SUBJECT", "Printer jammed", "jane@example.org");
        assertThat(csv.out().lines()).hasSize(2);
        assertThat(csv.out().lines().findFirst().orElseThrow()).startsWith("id,subject,status");
    }

    @Test
    void showOfAnUnknownTicketFailsWithOneLine() {
        Cli.Run run = helpdesk.get().cli().run("show", "42");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("guichet: no ticket #42: `guichet tickets` lists them");
    }

    @Test
    void anUnknownKeyInTheConfigIsRefusedWithItsLine() throws Exception {
        String broken = helpdesk.get().yaml(false).replace("  poll-interval: 1s", "  poll-intervall: 1s");
        Files.writeString(helpdesk.get().configFile(), broken);

        Cli.Run run = helpdesk.get().cli().run("tickets");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("line " + lineOf(broken, "poll-intervall"), "imap.poll-intervall");
    }

    @Test
    void aBadPortIsRefusedWithItsLine() throws Exception {
        String broken = helpdesk.get().yaml(false).replaceFirst("  port: \\d+", "  port: abc");
        Files.writeString(helpdesk.get().configFile(), broken);

        Cli.Run run = helpdesk.get().cli().run("tickets");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("line " + lineOf(broken, "port: abc"), "imap.port");
    }

    @Test
    void aCategoryNamingAnUnknownServiceIsRefusedWithItsLine() throws Exception {
        String broken = helpdesk.get().yaml(false).replace("  - name: Network\n    service: it",
                "  - name: Network\n    service: helpdesk");
        Files.writeString(helpdesk.get().configFile(), broken);

        Cli.Run run = helpdesk.get().cli().run("tickets");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("line " + lineOf(broken, "service: helpdesk"), "unknown service 'helpdesk'");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(helpdesk.get().cli().run("frobnicate").status()).isEqualTo(2);
        assertThat(helpdesk.get().cli().run("tickets", "--status", "sleeping").status()).isEqualTo(2);
        assertThat(helpdesk.get().cli().run("tickets", "--status", "sleeping").err()).contains("unknown status 'sleeping'");
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] args : new String[][] {{"--help"}, {"run", "--help"}, {"tickets", "--help"}, {"show", "--help"},
                {"db", "--help"}, {"db", "migrate", "--help"}, {"db", "info", "--help"}}) {
            Cli.Run run = Cli.bare().run(args);
            assertThat(run.status()).as(String.join(" ", args)).isZero();
            assertThat(run.out()).as(String.join(" ", args)).contains("Usage: guichet");
        }
    }

    @Test
    void dbInfoListsTheAppliedMigrations() {
        Cli.Run run = helpdesk.get().cli().run("db", "info");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("initial schema", "Success");
    }

    /** The 1-based line of the first line containing text. */
    private static int lineOf(String yaml, String text) {
        java.util.List<String> lines = yaml.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in the config");
    }

    private static Iterable<String> iterable(JsonNode node) {
        return node::fieldNames;
    }
}
