package org.guichet.intake;

/**
 * Handles one received mail and says what to do with it in the mailbox. It returns only once its work is
 * committed: the mail is moved after, never before. It never throws for a bad mail: it says QUARANTINE.
 */
public interface MailHandler {
    Disposition handle(RawMail mail);

    /** Records a mail left undownloaded because the server says it is over the size limit. */
    Disposition refuse(RefusedMail mail);
}
