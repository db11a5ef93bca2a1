package org.guichet.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads {@code mailboxes}, the several support addresses; without it, the single {@code imap} section and
 * {@code helpdesk.address} make one mailbox named {@value MailboxSettings#DEFAULT_NAME}. The two forms do not mix.
 */
final class MailboxReader {

    static final List<String> MAILBOX_KEYS = List.of("name", "address", "imap", "smtp", "default-category",
            "transfer-moves-address");

    private final YamlMap root;
    private final MailSettings mail;
    private final AccessReader access;
    private final List<YamlMap> maps;

    MailboxReader(YamlMap root, MailSettings mail, AccessReader access) {
        this.root = root;
        this.mail = mail;
        this.access = access;
        this.maps = root.has("mailboxes") ? root.maps("mailboxes", MAILBOX_KEYS) : List.of();
        if (root.has("mailboxes") && maps.isEmpty()) {
            throw root.error(root.lineFor("mailboxes"), "mailboxes", "mailboxes is an empty list; give at least one"
                    + " mailbox (name, address, imap), or remove it and use the imap section");
        }
        if (!maps.isEmpty() && root.has("imap")) {
            throw root.error(root.lineFor("imap"), "imap", "imap cannot be used together with mailboxes; move it"
                    + " into the imap of one of the mailboxes");
        }
    }

    /** The first mailbox's address, which {@code helpdesk.address} may then leave out. */
    Optional<String> firstAddress() {
        return maps.isEmpty() ? Optional.empty() : Optional.of(maps.get(0).required("address").email());
    }

    /** Call after the categories are read, which {@code default-category} names. */
    List<MailboxSettings> mailboxes(Helpdesk helpdesk, List<Category> categories) {
        if (maps.isEmpty()) {
            return List.of(MailboxSettings.single(helpdesk.address(), SectionReader.imap(root, mail, helpdesk, access)));
        }
        Map<String, Integer> names = new HashMap<>();
        Map<String, Integer> addresses = new HashMap<>();
        List<MailboxSettings> mailboxes = new ArrayList<>();
        for (YamlMap map : maps) {
            ConfigValue name = map.required("name");
            String text = name.nonBlank().strip();
            if (!text.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
                throw name.error(name.key() + " must be a short name of letters, digits, '-', '_' or '.', such as"
                        + " rh, not " + name.shown());
            }
            unique(names, text.toLowerCase(Locale.ROOT), name, "name");
            ConfigValue address = map.required("address");
            String email = address.email();
            unique(addresses, email, address, "address");
            if (!map.has("imap")) {
                throw map.missing("imap");
            }
            Imap imap = SectionReader.imapSection(map.map("imap", SectionReader.IMAP_KEYS), mail, email, access);
            Optional<Smtp> smtp = map.has("smtp")
                    ? Optional.of(SectionReader.smtpSection(map.map("smtp", SectionReader.SMTP_KEYS), mail, access))
                    : Optional.empty();
            Optional<String> category = map.value("default-category").map(v -> category(v, categories));
            mailboxes.add(new MailboxSettings(text, email, imap, smtp, category,
                    map.bool("transfer-moves-address", false)));
        }
        return List.copyOf(mailboxes);
    }

    private static void unique(Map<String, Integer> seen, String key, ConfigValue value, String what) {
        Integer first = seen.putIfAbsent(key, value.line());
        if (first != null) {
            throw value.error("duplicate mailbox " + what + " '" + value.text().strip() + "' at " + value.key()
                    + " (first at line " + first + "); give each mailbox its own " + what);
        }
    }

    private static String category(ConfigValue value, List<Category> categories) {
        String wanted = value.nonBlank().strip();
        return categories.stream().map(Category::name).filter(n -> n.equalsIgnoreCase(wanted)).findFirst()
                .orElseThrow(() -> value.error(value.key() + " names " + value.shown()
                        + ", which is not a top-level category (top-level categories: "
                        + categories.stream().map(Category::name).collect(Collectors.joining(", ")) + ")"));
    }
}
