package org.guichet.route;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What routing decided for one mail, with the reason for each decision, in the words written to the
 * ticket's event log.
 *
 * @param automatic why the mail is automatic; such mail opens no ticket and causes no mail
 * @param category the top-level category a new ticket gets; a follow-up keeps its ticket's, whatever this says
 * @param subcategory one of {@code category}'s subcategories
 * @param service the id of the service of the subcategory, else of the category
 * @param reasons one sentence per decision, in the order they were taken
 * @param deliveryReport what a bounce says about the mail it returns
 * @param sender who sent the mail, as far as commands are concerned
 * @param commands the mail's commands, checked against its sender and ticket, and the text kept without them
 * @param proof what proves (or not) that the mail comes from its From address, computed once here
 */
public record Decision(
        Optional<String> automatic,
        Optional<ThreadMatch> thread,
        Optional<Long> mentions,
        String category,
        Optional<String> subcategory,
        String service,
        Priority priority,
        List<String> reasons,
        Optional<DeliveryReport> deliveryReport,
        Permissions.Sender sender,
        Commands commands,
        Proof proof) {

    public Decision {
        Objects.requireNonNull(automatic);
        Objects.requireNonNull(thread);
        Objects.requireNonNull(mentions);
        Objects.requireNonNull(category);
        Objects.requireNonNull(subcategory);
        Objects.requireNonNull(service);
        Objects.requireNonNull(priority);
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(deliveryReport);
        Objects.requireNonNull(sender);
        Objects.requireNonNull(commands);
        Objects.requireNonNull(proof);
    }

    public boolean isFollowUp() {
        return thread.isPresent();
    }
}
