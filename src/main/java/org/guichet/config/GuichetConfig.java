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
        List<Category> categories, String defaultCategory, Observability observability, Sla sla) {

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
