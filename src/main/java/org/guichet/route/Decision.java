package org.guichet.route;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What routing decided for one mail, with the reason for each decision, in the words written to the
 * ticket's event log.
 */
public record Decision(
        Optional<String> automatic,
        Optional<ThreadMatch> thread,
        Optional<Long> mentions,
        String category,
        Optional<String> subcategory,
        String service,
        Priority priority,
        List<String> reasons) {

    public Decision {
        Objects.requireNonNull(automatic);
        Objects.requireNonNull(thread);
        Objects.requireNonNull(mentions);
        Objects.requireNonNull(category);
        Objects.requireNonNull(subcategory);
        Objects.requireNonNull(service);
        Objects.requireNonNull(priority);
        reasons = List.copyOf(reasons);
    }

    public boolean isFollowUp() {
        return thread.isPresent();
    }
}
