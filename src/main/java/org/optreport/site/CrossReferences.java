package org.optreport.site;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.optreport.errors.ContentException;
import org.optreport.site.markdown.FigureUse;
import org.optreport.site.markdown.Heading;

/**
 * One numbering scheme for the whole site, prefixed by the page so numbers stay put when a page is added elsewhere:
 * the first page (the home page) is unnumbered, the others are chapters 1, 2, … in navigation order; figures and
 * tables count within their page ("Figure 2.3", "Table 3.1"), sections are "2.3" (level 2) and "2.3.1" (level 3), and
 * equations get the chapter as MathJax's tag prefix ("(2.4)"). The home page's figures are "Figure 1", its sections
 * unnumbered.
 */
final class CrossReferences {
    /** Where a label lives and what it is called in the text. */
    record Target(String href, String text) {}

    private final Map<SiteBuilder.SitePage, String> chapters = new HashMap<>();
    private final Map<FigureUse, String> figureNumbers = new HashMap<>();
    private final Map<String, Target> labels = new HashMap<>();
    private final Map<SiteBuilder.SitePage, Map<String, String>> sectionNumbers = new HashMap<>();
    private int figureCount;
    private int tableCount;

    CrossReferences(List<SiteBuilder.SitePage> pages) {
        for (int i = 0; i < pages.size(); i++) {
            SiteBuilder.SitePage page = pages.get(i);
            String chapter = i == 0 ? "" : Integer.toString(i);
            chapters.put(page, chapter);
            numberFigures(page, chapter);
            sectionNumbers.put(page, chapter.isEmpty() ? Map.of() : numberSections(page.parsed().headings(), chapter));
        }
    }

    private void numberFigures(SiteBuilder.SitePage page, String chapter) {
        int figures = 0, tables = 0;
        for (FigureUse use : page.parsed().figures()) {
            boolean table = use.kind() == FigureUse.Kind.TABLE;
            String number = prefixed(chapter, table ? ++tables : ++figures);
            if (table) tableCount++; else figureCount++;
            figureNumbers.put(use, number);
            if (use.label() == null) continue;
            String id = use.kind().labelPrefix() + ":" + use.label();
            Target previous = labels.put(id, new Target(page.href() + "#" + id, (table ? "Table " : "Figure ") + number));
            if (previous != null)
                throw new ContentException(page.parsed().source(), use.line(), "label '" + use.label() + "' is used twice (also at " + previous.href() + ")");
        }
    }

    private static Map<String, String> numberSections(List<Heading> headings, String chapter) {
        Map<String, String> numbers = new HashMap<>();
        int section = 0, subsection = 0;
        for (Heading h : headings) {
            if (h.level() == 2) {
                section++;
                subsection = 0;
                numbers.put(h.id(), chapter + "." + section);
            } else if (h.level() == 3) {
                numbers.put(h.id(), chapter + "." + section + "." + ++subsection);
            }
        }
        return numbers;
    }

    private static String prefixed(String chapter, int n) {
        return chapter.isEmpty() ? Integer.toString(n) : chapter + "." + n;
    }

    /** "2" for the second page after the home page; empty for the home page. */
    String chapter(SiteBuilder.SitePage page) { return chapters.get(page); }

    /** "2.3" for the third figure (or table) of chapter 2. */
    String number(FigureUse use) { return figureNumbers.get(use); }

    /** The target of {@code fig:label} or {@code tab:label}, or null. */
    Target label(String id) { return labels.get(id); }

    /** "2.3" or "2.3.1"; null for a heading that is not numbered. */
    String sectionNumber(SiteBuilder.SitePage page, String headingId) { return sectionNumbers.get(page).get(headingId); }

    /** What {@code @sec:id} reads as: the heading's short label, else "Section 2.3", else (unnumbered) its text. */
    String sectionText(SiteBuilder.SitePage page, Heading heading) {
        if (heading.shortLabel() != null) return heading.shortLabel();
        String number = sectionNumber(page, heading.id());
        return number == null ? heading.text() : "Section " + number;
    }

    int figureCount() { return figureCount; }

    int tableCount() { return tableCount; }
}
