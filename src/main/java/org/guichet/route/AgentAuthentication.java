package org.guichet.route;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.guichet.parse.MailHeaders;

/**
 * Whether a mail from an agent's address may be trusted with agent commands. Where the config requires it,
 * the {@code Authentication-Results} header added by our own receiving server (its authserv-id is
 * configured) must report dkim, spf or dmarc {@code pass} for the sender's domain. Only the topmost header
 * with that id counts: our server adds its header on top, so one written by the sender sits below it.
 */
public final class AgentAuthentication {
    private final boolean required;
    private final String trustedAuthservId;

    public AgentAuthentication(boolean required, String trustedAuthservId) {
        this.required = required;
        this.trustedAuthservId = trustedAuthservId.strip().toLowerCase(Locale.ROOT);
    }

    /** Why this sender is not trusted as an agent, or nothing when it is. */
    public Optional<String> refusal(MailHeaders headers, String sender) {
        if (!required) {
            return Optional.empty();
        }
        String domain = domainOf(sender);
        Optional<String> ours = headers.all("Authentication-Results").stream()
                .filter(h -> authservId(h).equals(trustedAuthservId))
                .findFirst();
        if (ours.isEmpty()) {
            return Optional.of("no Authentication-Results from " + trustedAuthservId + " vouches for " + sender);
        }
        return passes(ours.get(), domain) ? Optional.empty()
                : Optional.of("Authentication-Results from " + trustedAuthservId + " reports no dkim, spf or dmarc pass for "
                        + domain);
    }

    static String authservId(String header) {
        String first = withoutComments(header).split(";", 2)[0].strip();
        return first.split("\\s+")[0].toLowerCase(Locale.ROOT);
    }

    static boolean passes(String header, String domain) {
        String[] parts = withoutComments(header).split(";");
        for (int i = 1; i < parts.length; i++) {
            if (passesFor(parts[i].strip().toLowerCase(Locale.ROOT), domain)) {
                return true;
            }
        }
        return false;
    }

    private static boolean passesFor(String result, String domain) {
        List<String> tokens = List.of(result.split("\\s+"));
        if (tokens.isEmpty()) {
            return false;
        }
        String method = tokens.get(0);
        if (!List.of("dkim=pass", "spf=pass", "dmarc=pass").contains(method)) {
            return false;
        }
        return tokens.stream().skip(1)
                .filter(t -> t.startsWith("header.d=") || t.startsWith("header.i=") || t.startsWith("header.from=")
                        || t.startsWith("smtp.mailfrom="))
                .map(t -> domainOf(t.substring(t.indexOf('=') + 1)))
                .anyMatch(domain::equals);
    }

    private static String withoutComments(String header) {
        return header.replaceAll("\\([^()]*\\)", " ");
    }

    private static String domainOf(String address) {
        String a = address.strip().toLowerCase(Locale.ROOT);
        return a.substring(a.lastIndexOf('@') + 1).replaceAll("[\"<>]", "");
    }
}
