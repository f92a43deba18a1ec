package org.optreport.site.markdown;

import com.vladsch.flexmark.util.ast.Document;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A page after the parse phase: everything the build needs to know before results exist.
 * The Flexmark document is not to be modified; {@link MarkdownPages#render} reads it.
 *
 * @param claims         claims and conditional wording, in document order
 * @param equationLabels the \label{...} texts found in math, as written (e.g. "eq:loss")
 */
public record ParsedPage(Path source, FrontMatter frontMatter, Document document,
                         List<FigureUse> figures, List<ReferenceUse> references, List<CitationUse> citations, List<ValueUse> values,
                         List<ClaimUse> claims, List<Heading> headings, Set<String> equationLabels) {

    public ParsedPage {
        figures = List.copyOf(figures);
        references = List.copyOf(references);
        citations = List.copyOf(citations);
        values = List.copyOf(values);
        claims = List.copyOf(claims);
        headings = List.copyOf(headings);
        equationLabels = Collections.unmodifiableSet(new LinkedHashSet<>(equationLabels));
    }

    /** Headings of level 2 and 3, in document order: the page's table of contents. */
    public List<Heading> toc() {
        return headings.stream().filter(h -> h.level() == 2 || h.level() == 3).toList();
    }
}
