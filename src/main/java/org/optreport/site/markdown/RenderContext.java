package org.optreport.site.markdown;

import org.optreport.errors.ContentException;
import org.optreport.site.claims.Verdict;

/** What the renderer needs from the build: figures, values, claim verdicts and reference targets. Implementations may throw ContentException. */
public interface RenderContext {
    /** Trusted HTML for a figure or table directive; captionHtml is the rendered caption (inline HTML for a one-paragraph caption). */
    String figure(FigureUse use, String captionHtml);

    /** The formatted value for {@code {{key}}} as plain text (the renderer escapes it); throw ContentException if unknown. */
    String value(ValueUse use);

    /**
     * Whether a claim (or the condition of conditional wording) holds, with the values that say why; throw
     * ContentException if it names a number no study provides.
     */
    Verdict check(ClaimUse use);

    /**
     * href and link text for {@code @kind:label}; throw ContentException if missing. For {@link ReferenceUse.Kind#EQ}
     * return null to have the renderer emit MathJax {@code \(\eqref{eq:label}\)} inside a math span.
     */
    Reference reference(ReferenceUse use);

    /** The number shown before a heading ("2.3"), or null for an unnumbered one. */
    default String sectionNumber(String headingId) { return null; }

    /** Trusted HTML for a citation, linking each key to its entry; throw ContentException for an unknown key. */
    String citation(CitationUse use);
}
