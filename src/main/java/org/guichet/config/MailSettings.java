package org.guichet.config;

/** How mail reaches Guichet: through the embedded demo server or a real mailbox, with or without plus-addressing. */
public record MailSettings(boolean demoServer, boolean plusAddressing) {
}
