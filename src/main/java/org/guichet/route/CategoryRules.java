package org.guichet.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.guichet.config.Category;
import org.guichet.config.GuichetConfig;
import org.guichet.parse.InboundMail;
import org.guichet.parse.MailAddress;

/**
 * Chooses a new ticket's category by the rules of SPEC section 5, in their order: the address the mail was sent
 * to, a subject prefix, keywords in the subject then the body, and the default category.
 */
public final class CategoryRules {
    // Only bracket groups at the start of the subject are prefixes: "[Network/Wi-Fi] [priority: high] ...".
    private static final Pattern LEADING_BRACKET = Pattern.compile("\\G\\s*\\[([^\\[\\]]*)]");
    // Envelope recipients, for a category address in Bcc: the receiving server writes them down.
    private static final List<String> ENVELOPE_HEADERS = List.of("X-Original-To", "Delivered-To");

    private final List<Node> tree;
    private final Category defaultCategory;
    private final List<String> supportAddresses;
    private final PlusAddress plus;
    private final KeywordRule keywords;

    public CategoryRules(GuichetConfig config, PlusAddress plus) {
        this(config, plus, config.defaultCategory());
    }

    /** With the default category of one mailbox: a mail to {@code rh@} lands in HR unless it says otherwise. */
    public CategoryRules(GuichetConfig config, PlusAddress plus, String defaultCategoryName) {
        this.tree = tree(config.categories());
        this.defaultCategory = config.category(defaultCategoryName).orElseThrow(() -> new IllegalStateException(
                "the loaded config names default-category " + defaultCategoryName + " but has no such category"));
        this.supportAddresses = config.supportAddresses();
        this.plus = plus;
        this.keywords = new KeywordRule(config.categories());
    }

    /** The category of a new ticket opened by this mail, with the reason; never empty, thanks to the default. */
    CategoryChoice choose(InboundMail mail) {
        return byRecipient(mail)
                .or(() -> bySubjectPrefix(mail.subject()))
                .or(() -> keywords.choose(mail.subject(), "subject"))
                .or(() -> keywords.choose(body(mail), "body"))
                .orElseGet(() -> new CategoryChoice(defaultCategory, Optional.empty(),
                        "category " + defaultCategory.name() + ": default category"));
    }

    private Optional<CategoryChoice> byRecipient(InboundMail mail) {
        Stream<String> headers = mail.to().stream().map(MailAddress::address);
        Stream<String> copies = mail.cc().stream().map(MailAddress::address);
        Stream<String> envelope = ENVELOPE_HEADERS.stream().flatMap(h -> mail.headers().all(h).stream())
                .map(v -> v.replaceAll("[<>\\s]", "").toLowerCase(Locale.ROOT));
        return Stream.of(headers, copies, envelope).flatMap(s -> s).distinct()
                .map(this::byAddress).flatMap(Optional::stream).findFirst();
    }

    private Optional<CategoryChoice> byAddress(String address) {
        Optional<CategoryChoice> given = tree.stream().filter(node -> node.own().addresses().contains(address))
                .findFirst().map(node -> node.because("sent to " + address + ", the address of " + node.path()));
        return given.or(() -> plusDetail(address).flatMap(this::bySlug)
                .map(node -> node.because("sent to " + address)));
    }

    /**
     * The detail of {@code support+detail@domain}; nothing for other addresses, and nothing for a ticket's reply
     * address {@code support+<number>-<token>@}, which names a ticket, not a category.
     */
    private Optional<String> plusDetail(String address) {
        if (plus.looksLikeTicketAddress(address)) {
            return Optional.empty();
        }
        for (String support : supportAddresses) {
            int at = support.lastIndexOf('@');
            String prefix = support.substring(0, at) + "+";
            String suffix = support.substring(at);
            if (address.startsWith(prefix) && address.endsWith(suffix)
                    && address.length() > prefix.length() + suffix.length()) {
                return Optional.of(address.substring(prefix.length(), address.length() - suffix.length()));
            }
        }
        return Optional.empty();
    }

    private Optional<CategoryChoice> bySubjectPrefix(String subject) {
        Matcher m = LEADING_BRACKET.matcher(SubjectTag.withoutReplyPrefixes(subject));
        while (m.find()) {
            String prefix = m.group(1).strip();
            Optional<Node> named = named(prefix);
            if (named.isPresent()) {
                return named.map(node -> node.because("subject prefix [" + prefix + "]"));
            }
        }
        return Optional.empty();
    }

    /**
     * The category or subcategory a prefix names: "Network/Wi-Fi", "Wi-Fi" or "Network", compared by slug so
     * that case, accents and spacing do not matter. "Network/Printers", naming no subcategory of Network, still
     * names Network: the person clearly meant it.
     */
    private Optional<Node> named(String prefix) {
        String[] parts = prefix.split("/", -1);
        if (parts.length == 1) {
            return bySlug(parts[0]);
        }
        if (parts.length != 2) {
            return Optional.empty();
        }
        String parent = Folding.slug(parts[0]);
        String child = Folding.slug(parts[1]);
        Optional<Node> exact = tree.stream().filter(node -> node.subcategory().isPresent()
                && Folding.slug(node.category().name()).equals(parent) && Folding.slug(node.own().name()).equals(child))
                .findFirst();
        return exact.or(() -> tree.stream().filter(node -> node.subcategory().isEmpty()
                && Folding.slug(node.category().name()).equals(parent)).findFirst());
    }

    /** The first category or subcategory, in config order, whose name has this slug. */
    private Optional<Node> bySlug(String name) {
        String wanted = Folding.slug(name);
        return tree.stream().filter(node -> Folding.slug(node.own().name()).equals(wanted)).findFirst();
    }

    private static String body(InboundMail mail) {
        return mail.newText().isBlank() ? mail.text() : mail.newText();
    }

    /** Every category and subcategory in config order, a parent before its subcategories. */
    private static List<Node> tree(List<Category> categories) {
        List<Node> nodes = new ArrayList<>();
        for (Category category : categories) {
            nodes.add(new Node(category, Optional.empty()));
            category.subcategories().forEach(sub -> nodes.add(new Node(category, Optional.of(sub))));
        }
        return List.copyOf(nodes);
    }

    /** One place in the category tree: a top-level category, or one of its subcategories. */
    private record Node(Category category, Optional<Category> subcategory) {
        Category own() {
            return subcategory.orElse(category);
        }

        String path() {
            return CategoryChoice.path(category, subcategory);
        }

        CategoryChoice because(String why) {
            return new CategoryChoice(category, subcategory, "category " + path() + ": " + why);
        }
    }
}
