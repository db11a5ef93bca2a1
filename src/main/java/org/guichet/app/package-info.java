/** The composition root: builds every object by hand from the config, and starts and stops the daemon's loops. */
package org.guichet.app;
