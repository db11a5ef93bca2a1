package org.guichet.ticket;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.guichet.route.TicketDirectory;
import org.guichet.route.TicketRef;

/** Routing's view of the tickets, read inside the transaction that will apply its decision. */
public final class TxDirectory implements TicketDirectory {
    private final TicketTx tx;

    public TxDirectory(TicketTx tx) {
        this.tx = tx;
    }

    @Override
    public Optional<TicketRef> byNumber(long number) {
        return tx.ticket(number).map(TxDirectory::ref);
    }

    @Override
    public Optional<TicketRef> byMessageIds(Collection<String> messageIds) {
        return tx.ticketByMessageIds(messageIds).flatMap(this::byNumber);
    }

    static TicketRef ref(Ticket t) {
        List<String> participants = new ArrayList<>(t.observers());
        t.assignee().ifPresent(participants::add);
        return new TicketRef(t.id(), t.requester().address(), Set.copyOf(participants), t.service(),
                !t.status().isFinal());
    }
}
