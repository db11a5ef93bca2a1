package org.guichet.route;

import java.util.List;
import java.util.Objects;

/** How one mail would be handled, without handling it: routing's decision, its commands, and the text kept. */
public record Preview(Decision decision, List<MailCommand> commands, String storedText) {
    public Preview {
        Objects.requireNonNull(decision);
        commands = List.copyOf(commands);
        Objects.requireNonNull(storedText);
    }
}
