package org.guichet.route;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.guichet.config.Category;

/**
 * The third category rule: the configured keywords found in one text, as whole words, in any case, accents
 * ignored. The category with the most matches wins, its subcategories' matches counting for it (a subcategory
 * implies its parent); then, inside it, the subcategory with the most matches of its own, if any.
 */
final class KeywordRule {
    private final List<Category> categories;
    private final Map<String, Pattern> patterns = new LinkedHashMap<>();

    KeywordRule(List<Category> categories) {
        this.categories = List.copyOf(categories);
        for (Category category : categories) {
            category.keywords().forEach(this::compile);
            category.subcategories().forEach(sub -> sub.keywords().forEach(this::compile));
        }
    }

    /** The category the keywords of {@code text} choose; {@code where} ("subject", "body") goes into the reason. */
    Optional<CategoryChoice> choose(String text, String where) {
        String folded = Folding.fold(text);
        List<Branch> branches = categories.stream().map(category -> branch(category, folded)).toList();
        // Ties go to the category written first in the config: the order of the file is the only
        // preference an administrator has expressed, and it keeps the choice stable from one run to the next.
        Optional<Branch> best = branches.stream().filter(b -> b.total() > 0)
                .reduce((first, other) -> other.total() > first.total() ? other : first);
        return best.map(b -> choice(b, where, tiedWith(b, branches)));
    }

    private void compile(String keyword) {
        String[] words = Folding.fold(keyword).strip().split("\\s+");
        String body = Arrays.stream(words).map(Pattern::quote).collect(Collectors.joining("\\s++"));
        patterns.computeIfAbsent(keyword, k -> Pattern.compile("(?<![\\p{L}\\p{N}])" + body + "(?![\\p{L}\\p{N}])"));
    }

    private Branch branch(Category category, String folded) {
        Hits own = hits(category, folded);
        List<Hits> subs = category.subcategories().stream().map(sub -> hits(sub, folded)).toList();
        return new Branch(category, own, subs);
    }

    private Hits hits(Category category, String folded) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String keyword : category.keywords().stream().distinct().toList()) {
            long n = patterns.get(keyword).matcher(folded).results().count();
            if (n > 0) {
                counts.merge(keyword, n, Long::sum);
            }
        }
        return new Hits(category, counts);
    }

    private static List<Category> tiedWith(Branch best, List<Branch> branches) {
        return branches.stream().filter(b -> b != best && b.total() == best.total()).map(Branch::category).toList();
    }

    private static CategoryChoice choice(Branch branch, String where, List<Category> tied) {
        Optional<Hits> sub = branch.subs().stream().filter(h -> h.total() > 0)
                .reduce((first, other) -> other.total() > first.total() ? other : first);
        List<String> words = new ArrayList<>(branch.own().counts().keySet());
        branch.subs().forEach(h -> words.addAll(h.counts().keySet()));
        String reason = "category " + CategoryChoice.path(branch.category(), sub.map(Hits::category)) + ": "
                + (words.size() == 1 ? "keyword " : "keywords ")
                + words.stream().map(w -> "'" + w + "'").collect(Collectors.joining(", ")) + " in " + where
                + (tied.isEmpty() ? "" : " (as many matches as " + tied.stream().map(Category::name)
                        .collect(Collectors.joining(", ")) + "; the first in the config wins)");
        return new CategoryChoice(branch.category(), sub.map(Hits::category), reason);
    }

    private record Hits(Category category, Map<String, Long> counts) {
        long total() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private record Branch(Category category, Hits own, List<Hits> subs) {
        long total() {
            return own.total() + subs.stream().mapToLong(Hits::total).sum();
        }
    }
}
