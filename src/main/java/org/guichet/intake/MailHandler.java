package org.guichet.intake;

import java.util.ArrayList;
import java.util.List;

/**
 * Handles one received mail and says what to do with it in the mailbox. It returns only once its work is
 * committed: the mail is moved after, never before. It never throws for a bad mail: it says QUARANTINE.
 */
public interface MailHandler {
    Disposition handle(RawMail mail);

    /** Records a mail left undownloaded because the server says it is over the size limit. */
    Disposition refuse(RefusedMail mail);

    /**
     * Handles several mails in their order, and returns once all their work is committed: one disposition a mail,
     * in the same order, ending early with a PAUSE when the storage is unavailable (the mails after it are left in
     * place).
     */
    default List<Disposition> handleAll(List<RawMail> mails) {
        return handleAll(mails, next -> { });
    }

    /**
     * The same, telling {@code committed} of the mails in order as soon as their work is committed, so that intake
     * can move them meanwhile. A handler may commit them together; this default handles them one at a time.
     */
    default List<Disposition> handleAll(List<RawMail> mails, Committed committed) {
        List<Disposition> done = new ArrayList<>(mails.size());
        for (RawMail mail : mails) {
            Disposition d = handle(mail);
            done.add(d);
            committed.mails(List.of(d));
            if (d.action() == Disposition.Action.PAUSE) {
                break;
            }
        }
        return done;
    }

    /** Told of the next mails whose work is committed, in order, from the first not yet told. */
    @FunctionalInterface
    interface Committed {
        void mails(List<Disposition> next);
    }
}
