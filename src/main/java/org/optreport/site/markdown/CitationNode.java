package org.optreport.site.markdown;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.List;

/** A citation; its line is filled in by {@link PageCollector}. */
final class CitationNode extends Node {
    private final List<CitationUse.Item> items;
    private final CitationUse.Mode mode;
    private CitationUse use;

    CitationNode(BasedSequence source, List<CitationUse.Item> items, CitationUse.Mode mode) {
        super(source);
        this.items = List.copyOf(items);
        this.mode = mode;
    }

    List<CitationUse.Item> items() { return items; }

    CitationUse.Mode mode() { return mode; }

    void setUse(CitationUse use) { this.use = use; }

    CitationUse use() { return use; }

    @Override
    public BasedSequence[] getSegments() { return EMPTY_SEGMENTS; }
}
