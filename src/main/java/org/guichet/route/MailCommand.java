package org.guichet.route;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One command line read at the top of a mail, {@code #assign bob@helpdesk.test}: its line as written, its
 * canonical name, its arguments, and whether its sender may use it (with the reason when not).
 */
public record MailCommand(String line, Name name, List<String> args, boolean allowed, Optional<String> why) {

    public MailCommand {
        Objects.requireNonNull(line);
        Objects.requireNonNull(name);
        args = List.copyOf(args);
        Objects.requireNonNull(why);
    }

    public MailCommand refused(String reason) {
        return new MailCommand(line, name, args, false, Optional.of(reason));
    }

    /** The commands of SPEC section 6, each with the words that call it, English and French. */
    public enum Name {
        TAKE(Role.AGENT, 0, "take", "prendre"),
        ASSIGN(Role.AGENT, 1, "assign", "assigner"),
        INVITE(Role.AGENT, 1, "invite", "inviter"),
        UNINVITE(Role.AGENT, 1, "uninvite", "desinviter"),
        STATUS(Role.AGENT, 1, "status", "statut"),
        WAIT(Role.AGENT, 0, "wait", "attendre"),
        RESOLVE(Role.AGENT, 0, "resolve", "resoudre"),
        TRANSFER(Role.AGENT, 1, "transfer", "transferer"),
        INTERNAL(Role.AGENT, 0, "internal", "interne"),
        PRIORITY(Role.PARTY, 1, "priority", "priorite"),
        CLOSE(Role.REQUESTER, 0, "close", "clore"),
        CANCEL(Role.REQUESTER, 0, "cancel", "annuler"),
        SUBJECT(Role.REQUESTER, 1, "subject", "objet"),
        CATEGORY(Role.REQUESTER, 1, "category", "categorie"),
        MY_TICKETS(Role.ANYONE, 0, "mytickets", "mestickets"),
        QUEUE(Role.AGENT, 0, "queue", "file"),
        UNKNOWN(Role.ANYONE, 0);

        private final Role role;
        private final int arguments;
        private final List<String> words;

        Name(Role role, int arguments, String... words) {
            this.role = role;
            this.arguments = arguments;
            this.words = List.of(words);
        }

        public Role role() {
            return role;
        }

        /** How many arguments it takes; the rest of a line after them is part of the last one. */
        public int arguments() {
            return arguments;
        }

        public String word() {
            return words.isEmpty() ? "unknown" : words.get(0);
        }

        static Optional<Name> of(String word) {
            for (Name n : values()) {
                if (n.words.contains(word)) {
                    return Optional.of(n);
                }
            }
            return Optional.empty();
        }
    }

    /** Who may use a command: agents, the requester, either of them, or anyone. */
    public enum Role {
        AGENT, REQUESTER, PARTY, ANYONE
    }
}
