/** The {@code guichet.yml} file as immutable, validated records, with secrets resolved and errors that name the key and line. */
package org.guichet.config;
