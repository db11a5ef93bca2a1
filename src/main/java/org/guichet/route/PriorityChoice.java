package org.guichet.route;

import java.util.Objects;

/** A new ticket's priority and the sentence saying where it came from, such as "priority very-high: X-Priority: 1". */
record PriorityChoice(Priority priority, String reason) {
    PriorityChoice {
        Objects.requireNonNull(priority);
        Objects.requireNonNull(reason);
    }
}
