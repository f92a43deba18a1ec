package org.optreport.site.citations;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.optreport.site.markdown.Html.escape;

/**
 * Every work cited anywhere on the site, in reference-list order, each with links to the pages that cite it: the
 * site's own References page, beside each page's References section.
 */
public final class SiteBibliography {
    /** The generated page's file name; a content page may not take it. */
    public static final String PAGE_NAME = "bibliography";

    /** A page and the keys it cites, in first-citation order. */
    public record CitingPage(String title, String href, Collection<String> keys) {}

    private SiteBibliography() {}

    /** The keys cited anywhere, each once, in page order. */
    public static Set<String> citedKeys(List<CitingPage> pages) {
        return pages.stream().flatMap(p -> p.keys().stream()).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The entries of the site-wide list; empty when nothing is cited. */
    public static List<ReferenceEntry> entries(List<CitingPage> pages, Bibliography bibliography, YearLabels years, CitationStyle style) {
        List<BibEntry> cited = new ArrayList<>(citedKeys(pages).stream().map(k -> bibliography.find(k).orElseThrow()).toList());
        cited.sort(YearLabels.REFERENCE_ORDER);
        List<ReferenceEntry> out = new ArrayList<>();
        for (BibEntry entry : cited) {
            String citedOn = pages.stream().filter(p -> p.keys().contains(entry.key()))
                    .map(p -> "<a href=\"" + escape(p.href()) + "#" + escape(PageCitations.anchor(entry.key())) + "\">" + escape(p.title()) + "</a>")
                    .collect(Collectors.joining(", "));
            out.add(new ReferenceEntry(PageCitations.anchor(entry.key()),
                    EntryFormat.html(entry, years.of(entry), style) + " <span class=\"cited-on\">Cited on " + citedOn + ".</span>"));
        }
        return out;
    }
}
