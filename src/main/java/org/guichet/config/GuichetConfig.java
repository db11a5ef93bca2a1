package org.guichet.config;

import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** The whole of {@code guichet.yml}, validated: everything the daemon and the command line need to run. */
public record GuichetConfig(Helpdesk helpdesk, MailSettings mail, Imap imap, Smtp smtp, Storage storage,
        Tickets tickets, Limits limits, Security security, List<Service> services,
        List<Category> categories, String defaultCategory, Observability observability, Sla sla,
        List<MailboxSettings> mailboxes) {

    public GuichetConfig {
        Objects.requireNonNull(helpdesk, "helpdesk");
        Objects.requireNonNull(mail, "mail");
        Objects.requireNonNull(imap, "imap");
        Objects.requireNonNull(smtp, "smtp");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(tickets, "tickets");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(security, "security");
        services = List.copyOf(services);
        categories = List.copyOf(categories);
        Objects.requireNonNull(defaultCategory, "default category");
        Objects.requireNonNull(observability, "observability");
        Objects.requireNonNull(sla, "sla");
        requireKnownServices(services, categories);
        String wanted = defaultCategory;
        if (categories.stream().noneMatch(category -> category.name().equalsIgnoreCase(wanted))) {
            throw new IllegalArgumentException("default category " + defaultCategory + " is not a top-level category");
        }
        // the single-imap form is one mailbox: the rest of the program only ever sees a list
        mailboxes = mailboxes.isEmpty() ? List.of(MailboxSettings.single(helpdesk.address(), imap))
                : List.copyOf(mailboxes);
        Mailboxes.requireConsistent(mailboxes, categories);
    }

    /** The same with the single {@code imap} section and {@code helpdesk.address} as its one mailbox. */
    public GuichetConfig(Helpdesk helpdesk, MailSettings mail, Imap imap, Smtp smtp, Storage storage, Tickets tickets,
            Limits limits, Security security, List<Service> services, List<Category> categories,
            String defaultCategory, Observability observability, Sla sla) {
        this(helpdesk, mail, imap, smtp, storage, tickets, limits, security, services, categories, defaultCategory,
                observability, sla, List.of());
    }

    /** The same without the logging and http sections (text logs, no endpoint) and without promises (UTC). */
    public GuichetConfig(Helpdesk helpdesk, MailSettings mail, Imap imap, Smtp smtp, Storage storage, Tickets tickets,
            Limits limits, Security security, List<Service> services, List<Category> categories,
            String defaultCategory) {
        this(helpdesk, mail, imap, smtp, storage, tickets, limits, security, services, categories, defaultCategory,
                Observability.defaults());
    }

    /** The same without response-time promises (no {@code sla:} section), in UTC. */
    public GuichetConfig(Helpdesk helpdesk, MailSettings mail, Imap imap, Smtp smtp, Storage storage, Tickets tickets,
            Limits limits, Security security, List<Service> services, List<Category> categories,
            String defaultCategory, Observability observability) {
        this(helpdesk, mail, imap, smtp, storage, tickets, limits, security, services, categories, defaultCategory,
                observability, Sla.none(ZoneOffset.UTC));
    }

    private static void requireKnownServices(List<Service> services, List<Category> categories) {
        List<Category> all = categories.stream()
                .flatMap(category -> Stream.concat(Stream.of(category), category.subcategories().stream()))
                .toList();
        for (Category category : all) {
            if (services.stream().noneMatch(service -> service.id().equalsIgnoreCase(category.service()))) {
                throw new IllegalArgumentException("category " + category.name() + " names unknown service "
                        + category.service());
            }
        }
    }

    /** The first mailbox: the one of tickets from before mailboxes, of imports, and of mail about no ticket. */
    public MailboxSettings primaryMailbox() {
        return mailboxes.get(0);
    }

    /** The mailbox of this name; the primary one for none, or for a name the config no longer has. */
    public MailboxSettings mailboxOf(Optional<String> name) {
        return name.flatMap(this::mailbox).orElse(primaryMailbox());
    }

    /** The mailbox of this name, ignoring case. */
    public Optional<MailboxSettings> mailbox(String name) {
        return mailboxes.stream().filter(m -> m.name().equalsIgnoreCase(name)).findFirst();
    }

    /** Every support address, lower-cased, the primary one first. */
    public List<String> supportAddresses() {
        return mailboxes.stream().map(MailboxSettings::address).distinct().toList();
    }

    /** The service with this id, ignoring case. */
    public Optional<Service> service(String id) {
        return services.stream().filter(service -> service.id().equalsIgnoreCase(id)).findFirst();
    }

    /** The top-level category with this name, ignoring case; subcategories are found through {@link Category#subcategory}. */
    public Optional<Category> category(String name) {
        return categories.stream().filter(category -> category.name().equalsIgnoreCase(name)).findFirst();
    }

    /** Every agent of every service, lower-cased. */
    public Set<String> agentAddresses() {
        Set<String> agents = new LinkedHashSet<>();
        services.forEach(service -> agents.addAll(service.agents()));
        return Collections.unmodifiableSet(agents);
    }

    /** Whether this address belongs to an agent of any service, ignoring case. */
    public boolean isAgent(String address) {
        return address != null && agentAddresses().contains(address.trim().toLowerCase(Locale.ROOT));
    }
}
