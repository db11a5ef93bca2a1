package org.guichet.route;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.guichet.parse.InboundMail;
import org.guichet.parse.MailAddress;
import org.guichet.parse.MailHeaders;

/**
 * Recognises mail written by a machine (RFC 3834 and the usual conventions), which must never open a
 * ticket nor be answered: answering it is how mail loops start.
 */
public final class AutomaticMail {
    private static final Set<String> ROBOT_MAILBOXES = Set.of("mailer-daemon", "postmaster");
    private final String supportAddress;

    public AutomaticMail(String supportAddress) {
        this.supportAddress = supportAddress.toLowerCase(Locale.ROOT);
    }

    /** Why this mail is automatic, or nothing for a mail written by a person. */
    public Optional<String> reason(InboundMail mail) {
        MailHeaders h = mail.headers();
        return header(h, "Auto-Submitted").filter(v -> !v.equalsIgnoreCase("no"))
                .map(v -> "Auto-Submitted: " + v)
                .or(() -> header(h, "Precedence").filter(v -> Set.of("bulk", "junk", "list").contains(v.toLowerCase(Locale.ROOT)))
                        .map(v -> "Precedence: " + v))
                .or(() -> header(h, "X-Autoreply").map(v -> "X-Autoreply header"))
                .or(() -> header(h, "X-Autorespond").map(v -> "X-Autorespond header"))
                .or(() -> header(h, "Content-Type").filter(v -> v.toLowerCase(Locale.ROOT).startsWith("multipart/report"))
                        .map(v -> "delivery report (multipart/report)"))
                .or(() -> header(h, "List-Id").map(v -> "mailing list (List-Id)"))
                .or(() -> header(h, "List-Unsubscribe").map(v -> "mailing list (List-Unsubscribe)"))
                .or(() -> header(h, "Return-Path").filter(v -> v.replaceAll("[\\s<>]", "").isEmpty())
                        .map(v -> "empty Return-Path"))
                .or(() -> mail.from().flatMap(this::robotSender));
    }

    private Optional<String> robotSender(MailAddress from) {
        String address = from.address();
        int at = address.indexOf('@');
        String local = at < 0 ? address : address.substring(0, at);
        if (ROBOT_MAILBOXES.contains(local)) {
            return Optional.of("sent by " + local);
        }
        if (isOwn(address)) {
            return Optional.of("sent by the helpdesk's own address");
        }
        return Optional.empty();
    }

    private boolean isOwn(String address) {
        int at = supportAddress.indexOf('@');
        String local = supportAddress.substring(0, at);
        String domain = supportAddress.substring(at);
        return address.equals(supportAddress) || (address.startsWith(local + "+") && address.endsWith(domain));
    }

    private static Optional<String> header(MailHeaders headers, String name) {
        return headers.first(name).map(String::strip);
    }
}
