/** Response-time promises: the business calendar, due times, reminders, escalation, waiting tickets and the digest. */
package org.guichet.sla;
