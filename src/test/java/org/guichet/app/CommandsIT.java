package org.guichet.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Commands end to end, through a real mail server: a few of {@link CommandCases}, one of each kind (an agent's,
 * a requester's in French, a refused one, an internal note), read back over SMTP as people receive them. Every
 * case runs on the domain in {@link CommandsTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandsIT {
    static final Set<String> END_TO_END = Set.of("#assign", "#priorité by the requester", "a requester's #take",
            "#internal", "#uninvite");

    TestHelpdesk helpdesk;

    @BeforeAll
    void start(@TempDir Path dir) {
        helpdesk = TestHelpdesk.start(dir, yaml -> yaml + CommandCases.CONFIG, Clock.systemUTC());
    }

    @AfterAll
    void stop() {
        helpdesk.close();
    }

    static Stream<CommandCases.Case> cases() {
        return CommandCases.all().filter(c -> END_TO_END.contains(c.name()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void command(CommandCases.Case c) throws Exception {
        CommandCases.check(helpdesk, c);
    }
}
