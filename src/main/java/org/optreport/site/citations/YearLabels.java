package org.optreport.site.citations;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The year a citation shows, with a letter when two cited works would otherwise read the same: "Arora et al. (2019a)"
 * and "(2019b)". Letters follow the order of the reference list (authors, then title) and are decided over every work
 * cited anywhere on the site, so a work has the same label on every page.
 */
public final class YearLabels {
    private final Map<String, String> labels = new HashMap<>();

    public YearLabels(Collection<BibEntry> cited) {
        Map<String, List<BibEntry>> alike = cited.stream().distinct().collect(Collectors.groupingBy(
                e -> AuthorNames.brief(e.authors()) + "|" + e.year()));
        for (List<BibEntry> group : alike.values()) {
            if (group.size() == 1) {
                labels.put(group.get(0).key(), group.get(0).year());
                continue;
            }
            List<BibEntry> ordered = group.stream().sorted(REFERENCE_ORDER).toList();
            for (int i = 0; i < ordered.size(); i++)
                labels.put(ordered.get(i).key(), ordered.get(i).year() + letter(i));
        }
    }

    /** The order of an author-year reference list: authors in full, then year, then title. */
    static final Comparator<BibEntry> REFERENCE_ORDER = Comparator.comparing((BibEntry e) -> AuthorNames.full(e.authors()))
            .thenComparing(BibEntry::year).thenComparing(BibEntry::title);

    private static String letter(int i) {
        return i < 26 ? String.valueOf((char) ('a' + i)) : letter(i / 26 - 1) + letter(i % 26);
    }

    /** "2019a", or the plain year when no other cited work reads the same; the plain year for a work not cited. */
    public String of(BibEntry entry) { return labels.getOrDefault(entry.key(), entry.year()); }
}
