package org.guichet.config;

import java.util.List;
import java.util.Locale;

/** A team of agents that handles the tickets of the categories naming it. */
public record Service(String id, String name, List<String> agents) {

    public Service {
        Checks.text(id, "service id");
        Checks.text(name, "service name");
        // Lower case once here, so that recognising an agent is a plain equals.
        agents = agents.stream().map(agent -> Checks.text(agent, "agent").toLowerCase(Locale.ROOT)).toList();
    }
}
