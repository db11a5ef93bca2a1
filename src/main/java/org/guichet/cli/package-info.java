/** The command line: picocli commands that parse arguments, call a service, print, and return an exit code. */
package org.guichet.cli;
