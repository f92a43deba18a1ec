package org.optreport.site.citations;

import org.optreport.errors.ContentException;
import org.optreport.site.markdown.CitationUse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.optreport.site.markdown.Html.escape;

/**
 * The citations of one page, in the order they are rendered: their HTML, each key linked to its entry, and the
 * page's References section. Numeric styles number entries by first citation on the page, as a paper does.
 */
public final class PageCitations {
    private final Bibliography bibliography;
    private final CitationStyle style;
    private final YearLabels years;
    private final Path page;
    private final Map<String, Integer> numbers = new LinkedHashMap<>();

    public PageCitations(Bibliography bibliography, CitationStyle style, YearLabels years, Path page) {
        this.bibliography = bibliography;
        this.style = style;
        this.years = years;
        this.page = page;
    }

    /** Author-year: "(Arora et al., 2018; Du et al., 2019, Thm. 4.1)" or "Arora et al. (2018)"; numeric: "[1], [2, Thm. 4.1]" or "Arora et al. [1]". */
    public String html(CitationUse use) {
        List<String> parts = new ArrayList<>();
        for (CitationUse.Item item : use.items()) parts.add(itemHtml(entry(item, use.line()), item.locator(), use.mode()));
        if (style == CitationStyle.NUMERIC || use.mode() == CitationUse.Mode.IN_TEXT) return String.join(", ", parts);
        return "(" + String.join("; ", parts) + ")";
    }

    private String itemHtml(BibEntry entry, String locator, CitationUse.Mode mode) {
        String withLocator = locator.isEmpty() ? "" : ", " + escape(locator);
        String authors = escape(AuthorNames.brief(entry.authors()));
        if (style == CitationStyle.NUMERIC) {
            String number = link(entry, "[" + numbers.computeIfAbsent(entry.key(), k -> numbers.size() + 1) + withLocator + "]");
            return mode == CitationUse.Mode.IN_TEXT ? authors + " " + number : number;
        }
        numbers.putIfAbsent(entry.key(), numbers.size() + 1);
        String year = escape(years.of(entry));
        return mode == CitationUse.Mode.IN_TEXT
                ? link(entry, authors + " (" + year + withLocator + ")")
                : link(entry, authors + ", " + year + withLocator);
    }

    private BibEntry entry(CitationUse.Item item, int line) {
        return bibliography.find(item.key()).orElseThrow(() -> new ContentException(page, line,
                "@" + item.key() + ": no such entry in " + Bibliography.FILE_NAME));
    }

    private static String link(BibEntry entry, String html) {
        return "<a class=\"citation\" href=\"#" + escape(anchor(entry.key())) + "\">" + html + "</a>";
    }

    public static String anchor(String key) { return "ref-" + key; }

    /** The References section: numeric in citation order, author-year by author and year. Empty if nothing was cited. */
    public List<ReferenceEntry> references() {
        List<BibEntry> cited = new ArrayList<>(numbers.keySet().stream().map(k -> bibliography.find(k).orElseThrow()).toList());
        if (style == CitationStyle.AUTHOR_YEAR) cited.sort(YearLabels.REFERENCE_ORDER);
        return cited.stream().map(e -> new ReferenceEntry(anchor(e.key()), EntryFormat.html(e, years.of(e), style))).toList();
    }

    /** Keys cited so far, in first-citation order. */
    public List<String> citedKeys() { return List.copyOf(numbers.keySet()); }
}
