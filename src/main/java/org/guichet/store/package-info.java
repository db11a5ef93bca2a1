/** JDBC over H2, the Flyway migrations and the content-addressed file store: the only package with SQL. */
package org.guichet.store;
