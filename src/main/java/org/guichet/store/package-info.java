/** JDBC over H2 or PostgreSQL, the leases of several instances, the Flyway migrations and the content-addressed file store: the only package with SQL. */
package org.guichet.store;
