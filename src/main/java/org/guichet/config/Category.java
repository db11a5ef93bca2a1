package org.guichet.config;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A kind of request and the service that handles it, with the words and addresses that select it;
 * categories form a two-level tree, so a subcategory has no subcategories.
 */
public record Category(String name, String service, List<String> keywords, List<String> addresses,
        List<Category> subcategories) {

    public Category {
        Checks.text(name, "category name");
        Checks.text(service, "category service");
        keywords = keywords.stream().map(keyword -> Checks.text(keyword, "keyword")).toList();
        addresses = addresses.stream().map(address -> Checks.text(address, "address").toLowerCase(Locale.ROOT))
                .toList();
        subcategories = List.copyOf(subcategories);
        for (Category sub : subcategories) {
            if (!sub.subcategories().isEmpty()) {
                throw new IllegalArgumentException("category " + sub.name() + " is a subcategory of " + name
                        + " and cannot have subcategories: categories have two levels only");
            }
        }
    }

    /** The subcategory with this name, ignoring case. */
    public Optional<Category> subcategory(String subName) {
        return subcategories.stream().filter(sub -> sub.name().equalsIgnoreCase(subName)).findFirst();
    }
}
