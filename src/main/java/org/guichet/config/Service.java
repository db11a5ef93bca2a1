package org.guichet.config;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A team of agents that handles the tickets of the categories naming it, and the address (a team lead) told when
 * one of its tickets misses a response-time target.
 */
public record Service(String id, String name, List<String> agents, Optional<String> escalation) {

    public Service {
        Checks.text(id, "service id");
        Checks.text(name, "service name");
        // Lower case once here, so that recognising an agent is a plain equals.
        agents = agents.stream().map(agent -> Checks.text(agent, "agent").toLowerCase(Locale.ROOT)).toList();
        escalation = Objects.requireNonNull(escalation, "escalation").map(a -> a.toLowerCase(Locale.ROOT));
    }

    public Service(String id, String name, List<String> agents) {
        this(id, name, agents, Optional.empty());
    }
}
