package org.guichet.route;

import java.util.List;
import java.util.Objects;

/**
 * The commands of one mail, read once and checked against their sender, and the text that is kept once they
 * are taken off: what the daemon runs and stores, and what {@code guichet route} shows.
 *
 * @param list the commands in the order written, each allowed or refused with its reason
 * @param rest the text the ticket keeps: the mail's body without its command lines
 */
public record Commands(List<MailCommand> list, String rest) {
    public Commands {
        list = List.copyOf(list);
        Objects.requireNonNull(rest);
    }

    /** No commands: the text is kept as it is. */
    public static Commands none(String text) {
        return new Commands(List.of(), text);
    }

    /**
     * Whether the mail is an internal note (SPEC section 6): it has {@code #internal} or {@code #interne}, allowed
     * or not, or a line that starts with one of them before its quoted part. Fails closed: such a mail never
     * reaches the requester nor observers who are not agents.
     */
    public boolean internal() {
        return list.stream().anyMatch(c -> c.name() == MailCommand.Name.INTERNAL || CommandParser.isInternalLine(c.line()))
                || rest.lines().anyMatch(CommandParser::isInternalLine);
    }

    /** Whether this command is among them and allowed. */
    public boolean has(MailCommand.Name name) {
        return list.stream().anyMatch(c -> c.allowed() && c.name() == name);
    }
}
