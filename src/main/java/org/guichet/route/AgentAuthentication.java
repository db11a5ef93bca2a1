package org.guichet.route;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.guichet.parse.MailHeaders;

/**
 * Whether the receiving server vouches for a mail's sender (SPEC section 6, proof 2). Only the topmost
 * {@code Authentication-Results} header counts, and only when its authserv-id is the configured one: our
 * server adds its header on top, so any header below it, whatever its id, was written by someone else. The
 * header is read raw (never RFC 2047 decoded) per RFC 8601. It proves the sender when it reports
 * {@code dkim=pass} for a {@code header.d} aligned with the From domain, or {@code dmarc=pass} for that very
 * From domain; {@code spf=pass} alone proves nothing, since SPF checks the envelope sender, not From.
 *
 * <p>Alignment is relaxed and needs no public-suffix list: {@code header.d} is the From domain or a parent of it
 * ({@code d=example.org} vouches for {@code alice@mail.example.org}) with at least two labels. A signer can only
 * sign for a domain whose DNS it controls, and a parent's DNS belongs to the same organisation; the converse
 * (a subdomain signing for its parent) is refused, as a subdomain may be handed to a customer.
 */
public final class AgentAuthentication {
    private static final String HEADER = "Authentication-Results";
    private final boolean required;
    private final String trustedAuthservId;

    /** {@code trustedAuthservId} blank: no header is trusted, only reply tokens can prove a sender. */
    public AgentAuthentication(boolean required, String trustedAuthservId) {
        this.required = required;
        this.trustedAuthservId = trustedAuthservId.strip().toLowerCase(Locale.ROOT);
    }

    /** Why this sender is not trusted as an agent when the config requires it, or nothing when it is. */
    public Optional<String> refusal(MailHeaders headers, String sender) {
        if (!required) {
            return Optional.empty();
        }
        Proof proof = verify(headers, sender);
        return proof.proven() ? Optional.empty() : Optional.of(proof.why());
    }

    /** What the topmost Authentication-Results header proves about this sender: a proof, or why not. */
    public Proof verify(MailHeaders headers, String sender) {
        String domain = domainOf(sender);
        List<String> all = headers.raw(HEADER);
        if (trustedAuthservId.isEmpty()) {
            return Proof.none("no trusted authserv-id is configured (security.trusted-authserv-id)");
        }
        if (all.isEmpty() || !AuthenticationResults.parse(all.get(0)).authservId().equals(trustedAuthservId)) {
            return Proof.none("no Authentication-Results from " + trustedAuthservId + " on top of the header vouches"
                    + " for " + sender);
        }
        AuthenticationResults top = AuthenticationResults.parse(all.get(0));
        if (domain.isEmpty()) {
            return Proof.none("the mail has no From domain to vouch for");
        }
        return top.results().stream().filter(r -> proves(r, domain)).findFirst()
                .map(r -> Proof.authenticationResults(trustedAuthservId + " reports " + r.method() + "=pass for "
                        + domain))
                .orElseGet(() -> Proof.none("Authentication-Results from " + trustedAuthservId
                        + " reports no aligned dkim or dmarc pass for " + domain));
    }

    private static boolean proves(AuthenticationResults.Result r, String domain) {
        if (r.passed("dkim")) {
            return r.property("header.d").map(AgentAuthentication::domainOf)
                    .filter(d -> aligned(d, domain)).isPresent();
        }
        if (r.passed("dmarc")) {
            return r.property("header.from").map(AgentAuthentication::domainOf).filter(domain::equals).isPresent();
        }
        return false;
    }

    /** {@code signer} is the From domain or one of its parents, and not a bare top-level domain. */
    static boolean aligned(String signer, String fromDomain) {
        return signer.indexOf('.') > 0
                && (fromDomain.equals(signer) || fromDomain.endsWith("." + signer));
    }

    /** The part after the last {@code @}, lower-cased, without a trailing dot. */
    static String domainOf(String address) {
        String a = address.strip().toLowerCase(Locale.ROOT);
        String domain = a.substring(a.lastIndexOf('@') + 1);
        return domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
    }
}
