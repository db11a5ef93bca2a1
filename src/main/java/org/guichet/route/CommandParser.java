package org.guichet.route;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads the command lines at the very top of a mail's body: one per line, each starting with {@code #}; blank
 * lines among them are skipped, and the first other line ends them. A subject that is {@code #mytickets} (or
 * {@code #mestickets}) is a command too.
 */
public final class CommandParser {
    private static final int MAX_COMMANDS = 20;
    private static final int MAX_LINE = 300;

    /**
     * The commands as written, not yet checked against their sender, and the body without them. The command
     * block is every line at the top that is blank or starts with {@code #}: a blank line between two commands
     * does not end it, so no command is read as text nor dropped.
     */
    public Commands read(String subject, String body) {
        List<MailCommand> commands = new ArrayList<>();
        if (isMyTickets(subject)) {
            commands.add(new MailCommand(subject.strip(), MailCommand.Name.MY_TICKETS, List.of(), true, Optional.empty()));
        } else if (isQueue(subject)) {
            commands.add(new MailCommand(subject.strip(), MailCommand.Name.QUEUE, List.of(), true, Optional.empty()));
        }
        String[] lines = body.split("\n", -1);
        List<String> leading = new ArrayList<>();
        int first = 0;
        while (first < lines.length && first < MAX_COMMANDS * 4
                && (lines[first].isBlank() || lines[first].strip().startsWith("#"))) {
            String line = lines[first].strip();
            if (!line.isEmpty()) {
                MailCommand command = commands.size() < MAX_COMMANDS ? parse(cut(line)) : tooMany(line);
                commands.add(command);
                if (command.name() == MailCommand.Name.INTERNAL && !command.args().isEmpty()) {
                    // "#internal note for bob": the words after the command are the note's first line
                    leading.add(command.args().get(0));
                }
            }
            first++;
        }
        leading.addAll(Arrays.asList(lines).subList(first, lines.length));
        return new Commands(commands, String.join("\n", leading));
    }

    /** A command past the limit is refused, not dropped: its sender learns it was not run. */
    private static MailCommand tooMany(String line) {
        return parse(cut(line)).refused("only the first " + MAX_COMMANDS + " commands of a mail are run");
    }

    private static String cut(String line) {
        return line.length() > MAX_LINE ? line.substring(0, MAX_LINE) : line;
    }

    static boolean isMyTickets(String subject) {
        String word = Folding.fold(subject).strip();
        return word.equals("#mytickets") || word.equals("#mestickets");
    }

    /** A subject of {@code #queue} (or {@code #file}): an agent asks for the open tickets of their services. */
    static boolean isQueue(String subject) {
        String word = Folding.fold(subject).strip();
        return word.equals("#queue") || word.equals("#file");
    }

    /**
     * Whether a line marks an internal note: it starts with {@code #internal} or {@code #interne} in any case,
     * with or without words after it. Quoted lines ({@code >}) do not.
     */
    public static boolean isInternalLine(String line) {
        String s = line.strip();
        if (s.length() < "#interne".length() || s.charAt(0) != '#') {
            return false;
        }
        String head = Folding.fold(s.substring(0, Math.min(s.length(), 12)));
        return head.startsWith("#internal") || head.startsWith("#interne");
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
        if (n == MailCommand.Name.INTERNAL && !rest.isEmpty()) {
            return new MailCommand(line, n, List.of(rest), true, Optional.empty());
        }
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
            case TRANSFER, CATEGORY -> "a category, as Category or Category/Subcategory";
            case SUBJECT -> "the new subject";
            default -> "an argument";
        };
    }
}
