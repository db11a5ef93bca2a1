/**
 * The other way in: mails read from {@code .eml} files, folders of them and mbox files, each handed to the same
 * handler as a mail fetched over IMAP, with a report of what became of them and of any damage in the files.
 */
package org.guichet.importer;
