package org.optreport.site.markdown;

import org.optreport.errors.ContentException;
/** What the renderer needs from the build: figures, values and reference targets. Implementations may throw ContentException. */
public interface RenderContext {
    /** Trusted HTML for a figure or table directive; captionHtml is the rendered caption (inline HTML for a one-paragraph caption). */
    String figure(FigureUse use, String captionHtml);

    /** The formatted value for {@code {{key}}} as plain text (the renderer escapes it); throw ContentException if unknown. */
    String value(ValueUse use);

    /**
     * href and link text for {@code @kind:label}; throw ContentException if missing. For {@link ReferenceUse.Kind#EQ}
     * return null to have the renderer emit MathJax {@code \(\eqref{eq:label}\)} inside a math span.
     */
    Reference reference(ReferenceUse use);
}
