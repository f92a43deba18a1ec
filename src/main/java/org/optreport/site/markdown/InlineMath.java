package org.optreport.site.markdown;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** Math inside a paragraph: $..$, $$..$$, \(..\) or \[..\]; {@link #tex} is the text between the delimiters, untouched. */
final class InlineMath extends Node {
    private final String tex;
    private final boolean display;

    InlineMath(BasedSequence source, String tex, boolean display) {
        super(source);
        this.tex = tex;
        this.display = display;
    }

    String tex() { return tex; }

    boolean display() { return display; }

    /** What MathJax reads: the TeX between the delimiters it is configured for. */
    String mathJaxText() { return display ? "\\[" + tex + "\\]" : "\\(" + tex + "\\)"; }

    @Override
    public BasedSequence[] getSegments() { return EMPTY_SEGMENTS; }
}
