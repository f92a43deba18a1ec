package org.optreport.site.citations;

import org.optreport.errors.ContentException;
import org.optreport.site.markdown.CitationUse;
import org.optreport.site.markdown.ParsedPage;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checks every page's citations against the bibliography right after the pages are read, so that a wrong key stops
 * the build before minutes of experiments, with the page and line.
 */
public final class CitationCheck {
    private CitationCheck() {}

    /** Throws for a key the bibliography lacks; tells {@code warning} about each entry no page cites. */
    public static void check(List<ParsedPage> pages, Bibliography bibliography, Consumer<String> warning) {
        Set<String> cited = new HashSet<>();
        for (ParsedPage page : pages) {
            for (CitationUse use : page.citations()) {
                for (CitationUse.Item item : use.items()) {
                    if (bibliography.find(item.key()).isEmpty())
                        throw new ContentException(page.source(), use.line(), "@" + item.key() + ": no such entry in "
                                + Bibliography.FILE_NAME + (bibliography.isEmpty() ? " (there is no bibliography)" : ""));
                    cited.add(item.key());
                }
            }
        }
        for (BibEntry entry : bibliography.entries())
            if (!cited.contains(entry.key()))
                warning.accept(Bibliography.FILE_NAME + ":" + entry.line() + ": entry '" + entry.key() + "' is cited by no page");
    }
}
