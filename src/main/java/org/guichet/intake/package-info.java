/**
 * The only code that talks IMAP: connects, watches the folder with IDLE or polling, fetches each mail to a
 * file, hands it to a {@link org.guichet.intake.MailHandler}, and moves it only after the handler committed.
 */
package org.guichet.intake;
