package org.guichet.route;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The per-ticket reply address {@code support+<number>-<token>@domain}. Each notification carries its
 * recipient's own token, a keyed hash of the ticket number and the recipient's address: a reply to it from that
 * address proves who sent it (SPEC section 6), and a token cannot be made up for someone else or another ticket.
 *
 * <p>Three forms are read. The recipient's token ({@value #TOKEN_CHARS} base32 characters) threads and proves.
 * The older ticket-only token ({@value #LEGACY_TOKEN_CHARS} hex characters, in notifications sent before
 * tokens named their recipient) threads but proves nothing, since every participant received the same one.
 * A plain {@code support+<number>@} names a ticket but proves nothing: the router threads it only for people who
 * take part in the ticket.
 */
public final class PlusAddress {
    static final int TOKEN_CHARS = 12;
    static final int LEGACY_TOKEN_CHARS = 10;
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
    private final String local;
    private final String domain;
    private final byte[] secret;
    private final List<Pattern> patterns;

    public PlusAddress(String supportAddress, String secret) {
        this(List.of(supportAddress), secret);
    }

    /**
     * Reads the reply addresses of every one of the support addresses (the tokens do not depend on the address, so
     * a reply to any of them threads and proves alike) and writes them at the first.
     */
    public PlusAddress(List<String> supportAddresses, String secret) {
        this(supportAddresses.get(0), secret.getBytes(StandardCharsets.UTF_8),
                supportAddresses.stream().map(PlusAddress::pattern).toList());
    }

    private PlusAddress(String writtenAt, byte[] secret, List<Pattern> patterns) {
        int at = writtenAt.lastIndexOf('@');
        this.local = writtenAt.substring(0, at).toLowerCase(Locale.ROOT);
        this.domain = writtenAt.substring(at + 1).toLowerCase(Locale.ROOT);
        this.secret = secret;
        this.patterns = List.copyOf(patterns);
    }

    private static Pattern pattern(String supportAddress) {
        int at = supportAddress.lastIndexOf('@');
        return Pattern.compile(Pattern.quote(supportAddress.substring(0, at).toLowerCase(Locale.ROOT))
                + "\\+(\\d{1,18})(?:-([0-9a-z]{1,32}))?@" + Pattern.quote(supportAddress.substring(at + 1)
                .toLowerCase(Locale.ROOT)));
    }

    /** The same reader, writing the reply addresses of another support address: a mailbox answers from its own. */
    public PlusAddress at(String supportAddress) {
        return new PlusAddress(supportAddress, secret, patterns);
    }

    /** The match of the first support address whose reply form this address has; a non-matching one otherwise. */
    private Matcher matcher(String address) {
        String lower = address.toLowerCase(Locale.ROOT);
        Matcher last = null;
        for (Pattern p : patterns) {
            last = p.matcher(lower);
            if (last.matches()) {
                return last;
            }
        }
        return last;
    }

    /** The reply address of a ticket for one recipient: replying to it from that address proves who they are. */
    public String addressFor(long number, String recipient) {
        return local + "+" + number + "-" + token(number, recipient) + "@" + domain;
    }

    /** The older reply address, the same for every recipient: it threads, it proves nothing. */
    public String addressFor(long number) {
        return local + "+" + number + "-" + legacyToken(number) + "@" + domain;
    }

    /** The token of a ticket for one recipient: a keyed hash of the number and the lower-cased address. */
    public String token(long number, String recipient) {
        byte[] hash = hmac(number + "\n" + normalised(recipient));
        StringBuilder token = new StringBuilder(TOKEN_CHARS);
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (hash[i] & 0xFF);
        }
        for (int i = 0; i < TOKEN_CHARS; i++) {
            token.append(BASE32.charAt((int) (bits >>> (59 - 5 * i)) & 31));
        }
        return token.toString();
    }

    /**
     * The ticket number of a reply address whose token proves {@code sender}: the token was made for that ticket and
     * that address. Nothing for any other address, sender or token.
     */
    public Optional<Long> provenTicketOf(String address, String sender) {
        Matcher m = matcher(address);
        if (!m.matches() || m.group(2) == null || m.group(2).length() != TOKEN_CHARS) {
            return Optional.empty();
        }
        long number = Long.parseLong(m.group(1));
        return same(token(number, sender), m.group(2)) ? Optional.of(number) : Optional.empty();
    }

    /** Whether {@code address} is the reply address of ticket {@code number} for {@code sender}. */
    public boolean proves(String address, long number, String sender) {
        return provenTicketOf(address, sender).filter(n -> n == number).isPresent();
    }

    /**
     * The ticket number of a reply address with a valid token, for {@code sender} or for the ticket alone (the
     * older form): the mail threads onto that ticket. Nothing for a made-up token.
     */
    public Optional<Long> ticketOf(String address, String sender) {
        return provenTicketOf(address, sender).or(() -> ticketOf(address));
    }

    /** The ticket number of an older, ticket-only reply address with a valid token; nothing for any other address. */
    public Optional<Long> ticketOf(String address) {
        Matcher m = matcher(address);
        if (!m.matches() || m.group(2) == null || m.group(2).length() != LEGACY_TOKEN_CHARS) {
            return Optional.empty();
        }
        long number = Long.parseLong(m.group(1));
        return same(legacyToken(number), m.group(2)) ? Optional.of(number) : Optional.empty();
    }

    /**
     * The number an address of the ticket form names, whatever its token, or none: it threads only for people who
     * take part in the ticket, and is never proof.
     */
    public Optional<Long> numberOf(String address) {
        Matcher m = matcher(address);
        return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    /**
     * Whether an address has the form of a ticket's reply address, valid token or not: such an address is never
     * read as anything else, such as a category's {@code support+<slug>@}.
     */
    public boolean looksLikeTicketAddress(String address) {
        return matcher(address).matches();
    }

    private String legacyToken(long number) {
        return HexFormat.of().formatHex(hmac(Long.toString(number))).substring(0, LEGACY_TOKEN_CHARS);
    }

    private static String normalised(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean same(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java has HmacSHA256", e);
        }
    }
}
