package org.guichet.parse;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a peer parser says about one corpus mail; each field is empty where that peer says nothing about it.
 *
 * @param peer the peer that wrote the expectation: stalwart, mime4j or zammad
 * @param from the sender's address, lower-cased
 * @param attachments the attachments in MIME order
 * @param text the text body as the peer decoded it
 */
record Expected(String peer, Optional<String> subject, Optional<String> from,
        Optional<List<File>> attachments, Optional<Text> text) {

    Expected {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(from, "from");
        attachments = attachments.map(List::copyOf);
        Objects.requireNonNull(text, "text");
    }

    /**
     * One attachment as the peer read it.
     *
     * @param name the declared file name, decoded; empty when the part has none (we then make one up)
     * @param size the decoded size; empty when the peer's output does not give it
     */
    record File(Optional<String> name, OptionalLong size) {
    }

    /**
     * A text body as the peer gives it.
     *
     * @param fromHtml whether the peer made it from HTML with its own converter, so only its words can be compared
     */
    record Text(String value, boolean fromHtml) {
    }
}
