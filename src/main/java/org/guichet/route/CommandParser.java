package org.guichet.route;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads the command lines at the very top of a mail's body: one per line, each starting with {@code #}; the
 * first other line ends them. A subject that is {@code #mytickets} (or {@code #mestickets}) is a command too.
 */
public final class CommandParser {
    private static final int MAX_COMMANDS = 20;
    private static final int MAX_LINE = 300;

    /** The commands as written, not yet checked against their sender. */
    public List<MailCommand> read(String subject, String body) {
        List<MailCommand> commands = new ArrayList<>();
        if (isMyTickets(subject)) {
            commands.add(new MailCommand(subject.strip(), MailCommand.Name.MY_TICKETS, List.of(), true, Optional.empty()));
        }
        for (String raw : body.split("\n", -1)) {
            String line = raw.strip();
            if (line.isEmpty() && commands.isEmpty()) {
                continue;
            }
            if (!line.startsWith("#") || commands.size() >= MAX_COMMANDS) {
                break;
            }
            commands.add(parse(line.length() > MAX_LINE ? line.substring(0, MAX_LINE) : line));
        }
        return commands;
    }

    /** The body without its command lines: what the message says. */
    public String withoutCommands(String body) {
        String[] lines = body.split("\n", -1);
        int first = 0;
        while (first < lines.length && (lines[first].isBlank() || lines[first].strip().startsWith("#"))
                && first < MAX_COMMANDS * 4) {
            first++;
        }
        return String.join("\n", Arrays.asList(lines).subList(first, lines.length));
    }

    static boolean isMyTickets(String subject) {
        String word = Folding.fold(subject).strip();
        return word.equals("#mytickets") || word.equals("#mestickets");
    }

    static MailCommand parse(String line) {
        String[] parts = line.substring(1).strip().split("\\s+", 2);
        String word = Folding.fold(parts[0]);
        Optional<MailCommand.Name> name = MailCommand.Name.of(word);
        String rest = parts.length > 1 ? parts[1].strip() : "";
        if (name.isEmpty()) {
            return new MailCommand(line, MailCommand.Name.UNKNOWN, rest.isEmpty() ? List.of() : List.of(rest), false,
                    Optional.of("unknown command '#" + parts[0] + "'"));
        }
        MailCommand.Name n = name.get();
        if (n.arguments() == 0 && !rest.isEmpty()) {
            return new MailCommand(line, n, List.of(rest), false, Optional.of("#" + n.word() + " takes no argument"));
        }
        if (n.arguments() > 0 && rest.isEmpty()) {
            return new MailCommand(line, n, List.of(), false, Optional.of("#" + n.word() + " needs " + argumentName(n)));
        }
        return new MailCommand(line, n, rest.isEmpty() ? List.of() : List.of(rest), true, Optional.empty());
    }

    private static String argumentName(MailCommand.Name n) {
        return switch (n) {
            case ASSIGN, INVITE, UNINVITE -> "an address";
            case STATUS -> "a status (assigned, waiting, resolved, closed)";
            case PRIORITY -> "a level (very-low, low, normal, high, very-high)";
            case TRANSFER -> "a category, as Category or Category/Subcategory";
            default -> "an argument";
        };
    }
}
