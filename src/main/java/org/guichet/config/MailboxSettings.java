package org.guichet.config;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One support address and the mailbox it is read from: its name (for the command line and the logs), the address
 * requesters write to (the From and the reply address of every notification about its tickets), its IMAP settings,
 * its own SMTP server or none (the shared {@code smtp} section then), the category of its new tickets when nothing
 * in the mail chooses one, and whether {@code #transfer} to its category's service moves a ticket to this address.
 */
public record MailboxSettings(String name, String address, Imap imap, Optional<Smtp> smtp,
        Optional<String> defaultCategory, boolean transferMovesAddress) {

    /** The name of the one mailbox of the single-{@code imap} form of the config. */
    public static final String DEFAULT_NAME = "default";

    public MailboxSettings {
        Checks.text(name, "mailbox name");
        address = Checks.text(address, "mailbox address").strip().toLowerCase(Locale.ROOT);
        Objects.requireNonNull(imap, "mailbox imap");
        Objects.requireNonNull(smtp, "mailbox smtp");
        Objects.requireNonNull(defaultCategory, "mailbox default category");
    }

    /** The one mailbox of a config written with the single {@code imap} section and {@code helpdesk.address}. */
    public static MailboxSettings single(String address, Imap imap) {
        return new MailboxSettings(DEFAULT_NAME, address, imap, Optional.empty(), Optional.empty(), false);
    }

    /** The server this mailbox's notifications go through: its own, or the shared one. */
    public Smtp smtpOr(Smtp shared) {
        return smtp.orElse(shared);
    }
}
