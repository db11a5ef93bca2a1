package org.guichet.ticket;

import java.util.Map;

/** The notification texts, one template per event, rendered as plain text with an HTML alternative. */
public interface Templates {
    Rendered render(String event, Map<String, Object> model);

    /** A word in the helpdesk's language: {@code status.resolved}, {@code priority.very-high}; the key when unknown. */
    String label(String key);

    /** One rendered notification body. */
    record Rendered(String text, String html) {
    }
}
