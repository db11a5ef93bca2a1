package org.guichet.intake;

/**
 * Handles one received mail and says what to do with it in the mailbox. It returns only once its work is
 * committed: the mail is moved after, never before.
 */
@FunctionalInterface
public interface MailHandler {
    Disposition handle(RawMail mail);
}
