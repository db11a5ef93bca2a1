package org.guichet.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.guichet.ticket.Actor;
import org.guichet.ticket.AdminRefusal;
import org.guichet.ticket.Administration;
import org.guichet.ticket.Ticket;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The administrator's commands on tickets (issue 18): the same actions, rules and notifications as an agent's
 * commands by mail, the event log naming {@code admin:NAME}. A refused action prints why and exits 1.
 */
final class AdminCommands {
    private AdminCommands() {
    }

    /** What every administrator's command shares: who acts, and one line said when it is done. */
    abstract static class Base implements Callable<Integer> {
        @ParentCommand
        RootCommand root;

        @Spec
        CommandSpec spec;

        @Option(names = "--as", paramLabel = "NAME", defaultValue = "${sys:user.name}",
                description = "The administrator's name, logged as admin:NAME (default: your user name).")
        String as;

        /** Runs the action with the administrator as its actor and prints what it did. */
        final Integer run(BiFunction<Administration, Actor, String> action) {
            String done;
            try (Backend backend = root.openMigrated()) {
                done = action.apply(backend.administration(), Administration.actor(as));
            } catch (AdminRefusal refused) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("guichet: refused: " + Terminal.line(refused.getMessage()));
                err.flush();
                return 1;
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(Terminal.line(done));
            out.flush();
            return 0;
        }
    }

    @Command(name = "assign", mixinStandardHelpOptions = true,
            description = "Assign ticket N to an agent, as #assign does by mail; the requester, observers and the"
                + " agent are told.")
    static final class Assign extends Base {
        @Parameters(index = "0", paramLabel = "N", description = "The ticket number.")
        long number;

        @Parameters(index = "1", paramLabel = "ADDRESS", description = "The agent's address.")
        String agent;

        @Override
        public Integer call() {
            return run((a, admin) -> "Ticket #" + number + " is assigned to "
                    + a.assign(number, agent, admin).assignee().orElse("") + ".");
        }
    }

    @Command(name = "transfer", mixinStandardHelpOptions = true,
            description = "Move ticket N to another category (and its service), as #transfer does by mail.")
    static final class Transfer extends Base {
        @Parameters(index = "0", paramLabel = "N", description = "The ticket number.")
        long number;

        @Parameters(index = "1", paramLabel = "CATEGORY[/SUB]", description = "Category, or Category/Subcategory.")
        String category;

        @Override
        public Integer call() {
            return run((a, admin) -> {
                Ticket t = a.transfer(number, category, admin);
                return "Ticket #" + number + " is now in " + t.categoryPath() + " (service " + t.service() + ").";
            });
        }
    }

    @Command(name = "priority", mixinStandardHelpOptions = true,
            description = "Set the priority of ticket N: very-low, low, normal, high or very-high.")
    static final class Priority extends Base {
        @Parameters(index = "0", paramLabel = "N", description = "The ticket number.")
        long number;

        @Parameters(index = "1", paramLabel = "LEVEL", description = "very-low, low, normal, high or very-high.")
        String level;

        @Override
        public Integer call() {
            return run((a, admin) -> "Ticket #" + number + " has priority "
                    + a.priority(number, level, admin).priority().code() + ".");
        }
    }

    @Command(name = "note", mixinStandardHelpOptions = true,
            description = "Add an internal note to ticket N: kept on the ticket, sent to its agents only.")
    static final class Note extends Base {
        @Parameters(index = "0", paramLabel = "N", description = "The ticket number.")
        long number;

        @Parameters(index = "1..*", paramLabel = "TEXT", description = "The note (several words are joined).")
        List<String> words;

        @Override
        public Integer call() {
            return run((a, admin) -> {
                a.note(number, String.join(" ", words), admin);
                return "Internal note added to ticket #" + number + "; its agents are told.";
            });
        }
    }

    @Command(name = "reply", mixinStandardHelpOptions = true,
            description = "Answer the requester of ticket N as an agent would: the reply is kept on the ticket with"
                + " its attachments and sent to the requester and the observers.")
    static final class Reply extends Base {
        @Parameters(index = "0", paramLabel = "N", description = "The ticket number.")
        long number;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Body body;

        static final class Body {
            @Option(names = "--text", paramLabel = "TEXT", description = "The reply.")
            String text;

            @Option(names = "--file", paramLabel = "F", description = "A UTF-8 text file holding the reply.")
            Path file;
        }

        @Option(names = "--attach", paramLabel = "F", description = "A file to attach (repeatable).")
        List<Path> attachments = new ArrayList<>();

        @Override
        public Integer call() {
            return run((a, admin) -> {
                a.reply(number, body.text != null ? body.text : read(body.file), attachments, admin);
                return "Reply added to ticket #" + number + (attachments.isEmpty() ? ""
                        : " with " + attachments.size() + " attachment(s)")
                        + "; it goes to the requester and observers with the outbox.";
            });
        }

        private static String read(Path file) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new AdminRefusal("cannot read the reply from " + file + ": no such file");
            } catch (CharacterCodingException e) {
                throw new AdminRefusal(file + " is not UTF-8 text");
            } catch (IOException e) {
                throw new AdminRefusal("cannot read the reply from " + file + ": " + e.getMessage());
            }
        }
    }

    @Command(name = "reassign", mixinStandardHelpOptions = true,
            description = "When an agent leaves: every open ticket assigned to --from is assigned to --to, who must"
                + " be an agent; each is told as for #assign.")
    static final class Reassign extends Base {
        @Option(names = "--from", paramLabel = "ADDRESS", required = true, description = "The agent who leaves.")
        String from;

        @Option(names = "--to", paramLabel = "ADDRESS", required = true, description = "The agent who takes over.")
        String to;

        @Override
        public Integer call() {
            return run((a, admin) -> {
                List<Long> moved = a.reassign(from, to, admin);
                return moved.isEmpty() ? "No open ticket is assigned to " + Terminal.line(from) + "."
                        : "Reassigned " + moved.size() + " open ticket(s) to " + to + ": " + moved.stream()
                                .map(n -> "#" + n).collect(Collectors.joining(", ")) + ".";
            });
        }
    }
}
