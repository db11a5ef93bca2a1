package org.guichet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.guichet.intake.MailSource;
import org.guichet.intake.RawMail;
import org.guichet.parse.InboundMail;
import org.guichet.route.MailCommand;
import org.guichet.route.Preview;
import org.guichet.ticket.TicketDetail;
import org.guichet.ticket.TicketEvent;
import org.guichet.ticket.TicketFilter;
import org.guichet.ticket.TicketMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code guichet route} and the daemon read every mail of the shared corpus alike: the text the dry run shows
 * is the text the ticket keeps, its reasons are the ticket's routing events, and the commands it refuses are
 * the ones the daemon refuses. Real H2 (in memory) migrated by Flyway; no mail server, since nothing is sent.
 */
class RouteAgreesWithDaemonTest {
    @TempDir
    static Path dir;
    static InMemoryDesk desk;
    static Guichet guichet;
    static long uid;

    static Stream<Path> mails() throws IOException {
        Path corpus = Stream.of(Path.of("..", "shared", "corpus"), Path.of("/work/shared/corpus"))
                .filter(Files::isDirectory).findFirst().orElseThrow();
        try (Stream<Path> files = Files.walk(corpus)) {
            List<Path> corpusMails = files.filter(Files::isRegularFile).filter(RouteAgreesWithDaemonTest::isMail)
                    .sorted().toList();
            // and mails with commands, which the corpus hardly has
            try (Stream<Path> ours = Files.list(Path.of("src/test/resources/commands"))) {
                return Stream.concat(corpusMails.stream(), ours.sorted().toList().stream());
            }
        }
    }

    /** As the parser's corpus tests choose them. */
    private static boolean isMail(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean mikel = file.toString().contains("mikel-mail") && !name.endsWith(".txt");
        return name.endsWith(".eml") || name.endsWith(".box") || name.endsWith(".msg") || mikel;
    }

    @BeforeAll
    static void start() {
        desk = new InMemoryDesk(dir, yaml -> yaml + "limits:\n  new-tickets-per-sender-per-hour: 1000000\n");
        guichet = desk.guichet;
    }

    @AfterAll
    static void stop() {
        desk.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mails")
    void routeShowsWhatTheDaemonDoes(Path file) throws IOException {
        Preview preview;
        try (InputStream in = Files.newInputStream(file)) {
            InboundMail mail = guichet.readMail(in);
            preview = guichet.preview(mail);
        }
        long before = ticketCount();
        Optional<Long> target = preview.decision().thread().map(t -> t.ticket());
        int eventsBefore = target.map(id -> detail(id).events().size()).orElse(0);

        guichet.mailProcessor().handle(new RawMail(file, Files.size(file), new MailSource("INBOX", 1, ++uid)));

        boolean opened = ticketCount() > before;
        if (preview.decision().automatic().isPresent() || preview.commands().stream()
                .anyMatch(c -> c.name() == MailCommand.Name.MY_TICKETS)) {
            assertThat(opened).as("automatic mail and #mytickets open no ticket").isFalse();
            return;
        }
        if (target.isEmpty() && !opened) {
            return; // a mail that cannot be answered (no From, no Reply-To) is quarantined by both
        }
        long id = target.orElseGet(RouteAgreesWithDaemonTest::ticketCount);
        TicketDetail detail = detail(id);
        List<TicketMessage> messages = detail.messages();
        assertThat(messages.get(messages.size() - 1).text()).isEqualTo(preview.storedText());
        List<TicketEvent> added = detail.events().subList(target.isPresent() ? eventsBefore : 0, detail.events().size());
        assertThat(added.stream().filter(e -> e.type().equals("command-refused")).map(e -> e.detail()))
                .containsExactlyElementsOf(preview.commands().stream().filter(c -> !c.allowed())
                        .map(c -> c.line() + ": " + c.why().orElseThrow()).toList());
        if (target.isEmpty()) {
            assertThat(added.stream().filter(e -> e.type().equals("routing")).map(e -> e.detail()))
                    .containsExactlyElementsOf(preview.decision().reasons());
        }
    }

    private static long ticketCount() {
        return guichet.tickets().inTransaction(tx -> tx.list(TicketFilter.all())).size();
    }

    private static TicketDetail detail(long id) {
        return guichet.tickets().inTransaction(tx -> tx.detail(id)).orElseThrow();
    }
}
