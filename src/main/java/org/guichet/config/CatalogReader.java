package org.guichet.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the services and the category tree, and checks what ties them together: unique ids and names, known
 * services, and a default category. One instance reads one file, since it remembers the names already seen.
 */
final class CatalogReader {

    static final List<String> SERVICE_KEYS = List.of("id", "name", "agents", "escalation");
    static final List<String> CATEGORY_KEYS = List.of("name", "service", "keywords", "addresses", "subcategories");

    // Service ids are typed on the command line and in agents' mail commands, so they stay short and plain.
    private static final Pattern SERVICE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    // '/' and brackets would make a subject prefix such as [Network/Wi-Fi] ambiguous.
    private static final Pattern CATEGORY_NAME_FORBIDDEN = Pattern.compile("[/\\[\\]]");

    private final YamlMap root;
    private final Map<String, Integer> serviceLines = new HashMap<>();
    private final Map<String, Integer> categoryLines = new HashMap<>();
    private final Map<String, String> addressCategories = new HashMap<>();
    private final List<Service> services = new ArrayList<>();

    CatalogReader(YamlMap root) {
        this.root = root;
    }

    List<Service> services() {
        for (YamlMap map : root.maps("services", SERVICE_KEYS)) {
            services.add(service(map));
        }
        return List.copyOf(services);
    }

    private Service service(YamlMap map) {
        ConfigValue id = map.required("id");
        if (!SERVICE_ID.matcher(id.nonBlank()).matches()) {
            throw id.error(id.key() + " must be a short name of letters, digits, '-', '_' or '.', such as it, not "
                    + id.shown());
        }
        Integer first = serviceLines.putIfAbsent(id.text().toLowerCase(Locale.ROOT), id.line());
        if (first != null) {
            throw id.error("duplicate service id '" + id.text() + "' at " + id.key() + " (first at line " + first
                    + "); give each service its own id");
        }
        List<String> agents = map.values("agents").stream().map(ConfigValue::email).toList();
        Optional<String> escalation = map.value("escalation").map(ConfigValue::email);
        return new Service(id.text(), map.text("name", id.text()), agents, escalation);
    }

    /** Call after {@link #services()}, whose ids the categories name. */
    List<Category> categories() {
        List<YamlMap> maps = root.maps("categories", CATEGORY_KEYS);
        if (maps.isEmpty()) {
            throw root.missing("categories");
        }
        List<Category> categories = new ArrayList<>();
        for (YamlMap map : maps) {
            categories.add(category(map, Optional.empty()));
        }
        return List.copyOf(categories);
    }

    private Category category(YamlMap map, Optional<String> parentService) {
        String name = name(map);
        String service = map.value("service").map(value -> knownService(value, map, name))
                .or(() -> parentService).orElseThrow(() -> map.missing("service"));
        List<String> keywords = map.values("keywords").stream().map(this::keyword).toList();
        List<String> addresses = map.values("addresses").stream().map(value -> address(value, name)).toList();
        List<Category> subcategories = new ArrayList<>();
        if (parentService.isPresent() && map.has("subcategories")) {
            throw map.error(map.lineFor("subcategories"), "subcategories", label(map, name)
                    + " is a subcategory and cannot have subcategories; categories have two levels only");
        }
        for (YamlMap sub : map.maps("subcategories", CATEGORY_KEYS)) {
            subcategories.add(category(sub, Optional.of(service)));
        }
        return new Category(name, service, keywords, addresses, subcategories);
    }

    private String name(YamlMap map) {
        ConfigValue name = map.required("name");
        String text = name.nonBlank().strip();
        if (CATEGORY_NAME_FORBIDDEN.matcher(text).find()) {
            throw name.error(name.key() + " must not contain '/', '[' or ']', which mark categories in subjects, not "
                    + name.shown());
        }
        Integer first = categoryLines.putIfAbsent(text.toLowerCase(Locale.ROOT), name.line());
        if (first != null) {
            throw name.error("duplicate category name '" + text + "' at " + name.key() + " (first at line " + first
                    + "); category names must be unique, ignoring case, across the whole tree");
        }
        return text;
    }

    private String knownService(ConfigValue value, YamlMap map, String categoryName) {
        return services.stream().map(Service::id).filter(id -> id.equalsIgnoreCase(value.text().strip()))
                .findFirst().orElseThrow(() -> value.error(label(map, categoryName) + " names unknown service "
                        + value.shown() + " (known services: " + serviceIds() + ")"));
    }

    private String keyword(ConfigValue value) {
        if (value.text().isBlank()) {
            throw value.error(value.key() + " is an empty keyword; remove it or write a word");
        }
        return value.text().strip();
    }

    private String address(ConfigValue value, String categoryName) {
        String address = value.email();
        String owner = addressCategories.putIfAbsent(address, categoryName);
        if (owner != null) {
            throw value.error(value.key() + " gives " + address + " to " + categoryName + ", but it already leads to "
                    + owner + "; an address can select one category only");
        }
        return address;
    }

    /** The category that new tickets get when nothing else chooses one; it must be a top-level category. */
    String defaultCategory(List<Category> categories) {
        ConfigValue value = root.required("default-category");
        String wanted = value.nonBlank().strip();
        return categories.stream().map(Category::name).filter(name -> name.equalsIgnoreCase(wanted)).findFirst()
                .orElseThrow(() -> value.error(value.key() + " names " + value.shown()
                        + ", which is not a top-level category (top-level categories: "
                        + categories.stream().map(Category::name).collect(Collectors.joining(", ")) + ")"));
    }

    private String serviceIds() {
        return services.isEmpty() ? "none" : services.stream().map(Service::id).collect(Collectors.joining(", "));
    }

    private static String label(YamlMap map, String categoryName) {
        return map.path() + " (" + categoryName + ")";
    }
}
