/**
 * Outgoing mail: the notification templates, and delivery of the outbox over SMTP with retries and
 * backoff. The only code that talks SMTP.
 */
package org.guichet.notify;
