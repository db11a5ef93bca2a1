package org.guichet.route;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The per-ticket reply address {@code support+<number>-<token>@domain}. The token is a keyed hash of the
 * number, so a reply address cannot be made up for someone else's ticket.
 */
public final class PlusAddress {
    private static final int TOKEN_HEX_CHARS = 10;
    private final String local;
    private final String domain;
    private final byte[] secret;
    private final Pattern pattern;

    public PlusAddress(String supportAddress, String secret) {
        int at = supportAddress.lastIndexOf('@');
        this.local = supportAddress.substring(0, at).toLowerCase(Locale.ROOT);
        this.domain = supportAddress.substring(at + 1).toLowerCase(Locale.ROOT);
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.pattern = Pattern.compile(Pattern.quote(local) + "\\+(\\d{1,18})-([0-9a-f]{" + TOKEN_HEX_CHARS + "})@"
                + Pattern.quote(domain));
    }

    public String addressFor(long number) {
        return local + "+" + number + "-" + token(number) + "@" + domain;
    }

    /** The ticket number of a plus address whose token is valid; nothing for any other address. */
    public Optional<Long> ticketOf(String address) {
        Matcher m = pattern.matcher(address.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        long number = Long.parseLong(m.group(1));
        boolean valid = MessageDigest.isEqual(token(number).getBytes(StandardCharsets.US_ASCII),
                m.group(2).getBytes(StandardCharsets.US_ASCII));
        return valid ? Optional.of(number) : Optional.empty();
    }

    /**
     * Whether an address has the form of a ticket's reply address, valid token or not: such an address is never
     * read as anything else, such as a category's {@code support+<slug>@}.
     */
    public boolean looksLikeTicketAddress(String address) {
        return pattern.matcher(address.toLowerCase(Locale.ROOT)).matches();
    }

    private String token(long number) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] hash = mac.doFinal(Long.toString(number).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(hash).substring(0, TOKEN_HEX_CHARS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java has HmacSHA256", e);
        }
    }
}
