/**
 * Pure decisions on a parsed mail: automatic or not, which ticket it threads onto, category, service and
 * priority, each with its reason. No I/O: what it needs to know of existing tickets it asks a {@link
 * org.guichet.route.TicketDirectory}.
 */
package org.guichet.route;
