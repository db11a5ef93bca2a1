/**
 * The helpdesk's domain: tickets, their statuses, messages and event log; applies a routing decision to
 * the database in one transaction, together with the notifications it causes.
 */
package org.guichet.ticket;
