package org.optreport.site.citations;

import java.util.ArrayList;
import java.util.List;

import static org.optreport.site.markdown.Html.escape;

/**
 * An entry of the References section as HTML: "Arora, S., Cohen, N., and Hazan, E. (2018). Title. <i>Venue</i>,
 * 23(4), 1–10." followed by its DOI and arXiv links. Numeric styles put the year after the venue, as IEEE does.
 */
final class EntryFormat {
    private EntryFormat() {}

    /** {@code year} is the label the citations show ("2019a"), so an entry and its citations read the same. */
    static String html(BibEntry entry, String year, CitationStyle style) {
        StringBuilder out = new StringBuilder(escape(AuthorNames.full(entry.authors())));
        if (style == CitationStyle.AUTHOR_YEAR) out.append(" (").append(escape(year)).append(")");
        out.append(out.charAt(out.length() - 1) == '.' ? " " : ". ").append(escape(sentence(entry.title())));
        List<String> venue = new ArrayList<>();
        if (!entry.venue().isEmpty()) venue.add("<i>" + escape(entry.venue()) + "</i>");
        if (!entry.volume().isEmpty())
            venue.add(escape(entry.volume()) + (entry.number().isEmpty() ? "" : "(" + escape(entry.number()) + ")"));
        if (!entry.pages().isEmpty()) venue.add(escape(entry.pages()));
        if (style == CitationStyle.NUMERIC) venue.add(escape(entry.year()));
        if (!venue.isEmpty()) out.append(" ").append(String.join(", ", venue)).append(".");
        if (!entry.doi().isEmpty())
            out.append(" <a href=\"https://doi.org/").append(escape(entry.doi())).append("\">doi:").append(escape(entry.doi())).append("</a>");
        if (!entry.arxiv().isEmpty())
            out.append(" <a href=\"https://arxiv.org/abs/").append(escape(entry.arxiv())).append("\">arXiv:").append(escape(entry.arxiv())).append("</a>");
        return out.toString();
    }

    private static String sentence(String title) {
        return title.isEmpty() || title.endsWith(".") || title.endsWith("?") ? title : title + ".";
    }
}
