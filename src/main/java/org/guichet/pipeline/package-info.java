/**
 * The path of one received mail between intake and the domain: keeps its raw bytes once, parses them, routes
 * the mail and has the domain apply the decision, then tells intake what to do with the mail.
 */
package org.guichet.pipeline;
