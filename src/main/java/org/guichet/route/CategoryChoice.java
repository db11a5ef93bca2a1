package org.guichet.route;

import java.util.Objects;
import java.util.Optional;
import org.guichet.config.Category;

/**
 * The category a new ticket goes to, perhaps one of its subcategories, and why.
 *
 * @param category a top-level category of the config
 * @param subcategory one of {@code category}'s subcategories
 * @param reason the sentence written to the event log, such as "category Network/Wi-Fi: keyword 'eduroam' in subject"
 */
record CategoryChoice(Category category, Optional<Category> subcategory, String reason) {

    CategoryChoice {
        Objects.requireNonNull(category);
        Objects.requireNonNull(subcategory);
        Objects.requireNonNull(reason);
        if (subcategory.isPresent() && !category.subcategories().contains(subcategory.get())) {
            throw new IllegalArgumentException(subcategory.get().name() + " is not a subcategory of " + category.name());
        }
    }

    /** The category, then the subcategory's own service, which the config already made its parent's when unset. */
    String service() {
        return subcategory.map(Category::service).orElse(category.service());
    }

    /** "Network" or "Network/Wi-Fi", as written in subject prefixes. */
    static String path(Category category, Optional<Category> subcategory) {
        return category.name() + subcategory.map(sub -> "/" + sub.name()).orElse("");
    }
}
