/** Turns the raw bytes of one mail into an immutable {@link org.guichet.parse.InboundMail}, recording what was malformed instead of failing. */
package org.guichet.parse;
