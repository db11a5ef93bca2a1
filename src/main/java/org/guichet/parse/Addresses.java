package org.guichet.parse;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Mailboxes read from address header fields, leniently; a field that cannot be parsed still yields its addresses. */
final class Addresses {

    /** The most addresses kept from one field. */
    static final int MAX_ADDRESSES = 500;
    // Tried only where a run of address characters begins (the lookbehind), and never backtracking: linear.
    private static final Pattern BARE_ADDRESS = Pattern.compile(
            "(?<![^\\s<>,;:\"()\\[\\]@])[^\\s<>,;:\"()\\[\\]@]++@[^\\s<>,;:\"()\\[\\]]++");

    private Addresses() {
    }

    /** Every mailbox in the raw values of the field {@code field}, group members included, in order. */
    static List<MailAddress> parse(String field, List<String> rawValues, Problems problems) {
        List<MailAddress> out = new ArrayList<>();
        for (String raw : rawValues) {
            String value = HeaderText.repairEightBit("the " + field + " header", HeaderText.unfold(raw), problems);
            for (MailAddress address : parseOne(field, value, problems)) {
                if (out.size() == MAX_ADDRESSES) {
                    problems.add("The " + field + " header has more than " + MAX_ADDRESSES + " addresses; the rest were left out.");
                    return out;
                }
                out.add(address);
            }
        }
        return out;
    }

    private static List<MailAddress> parseOne(String field, String value, Problems problems) {
        try {
            List<MailAddress> out = new ArrayList<>();
            for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
                addWithMembers(address, out, problems);
            }
            if (out.stream().anyMatch(address -> !address.address().contains("@"))) {
                problems.add("The " + field + " header holds a name that is not a mail address; it was ignored.");
                out.removeIf(address -> !address.address().contains("@"));
            }
            return out;
        } catch (AddressException | RuntimeException e) {
            problems.add("The " + field + " header could not be parsed; only its bare addresses were kept.");
            return bareAddresses(value);
        }
    }

    private static void addWithMembers(InternetAddress address, List<MailAddress> out, Problems problems)
            throws AddressException {
        if (address.isGroup()) {
            InternetAddress[] members = address.getGroup(false);
            for (InternetAddress member : members == null ? new InternetAddress[0] : members) {
                addWithMembers(member, out, problems);
            }
            return;
        }
        toMailAddress(address, problems).ifPresent(out::add);
    }

    private static Optional<MailAddress> toMailAddress(InternetAddress address, Problems problems) {
        String mailbox = address.getAddress() == null ? "" : address.getAddress().trim();
        if (mailbox.isEmpty()) {
            return Optional.empty();
        }
        String personal = address.getPersonal() == null ? "" : address.getPersonal();
        return Optional.of(new MailAddress(mailbox, HeaderText.decodeWords(personal, problems)));
    }

    private static List<MailAddress> bareAddresses(String value) {
        List<MailAddress> out = new ArrayList<>();
        Matcher bare = BARE_ADDRESS.matcher(value);
        while (bare.find() && out.size() < MAX_ADDRESSES) {
            out.add(MailAddress.of(bare.group()));
        }
        return out;
    }
}
