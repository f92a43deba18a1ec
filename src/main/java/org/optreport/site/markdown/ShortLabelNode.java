package org.optreport.site.markdown;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * The {@code short="..."} of a heading's {@code {#id short="..."}}: what {@code @sec:id} reads as instead of its
 * number. Kept as an invisible child of the heading, so the parse carries it to {@link HeadingIds}; renders as nothing.
 */
final class ShortLabelNode extends Node {
    private final String label;

    ShortLabelNode(BasedSequence source, String label) {
        super(source);
        this.label = label;
    }

    String label() { return label; }

    @Override
    public BasedSequence[] getSegments() { return EMPTY_SEGMENTS; }
}
