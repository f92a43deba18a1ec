package org.optreport.site.markdown;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** A {@code ::: figure|table name [panels=a,b] {#label}} block; its children are the caption. */
final class Directive extends Block {
    private final FigureUse.Kind kind;
    private final String name;
    private final String label;
    private final String panels;
    private FigureUse use;

    Directive(BasedSequence openingLine, FigureUse.Kind kind, String name, String label, String panels) {
        super(openingLine);
        this.kind = kind;
        this.name = name;
        this.label = label;
        this.panels = panels;
    }

    /** The letters of {@code panels=b,c} ("bc"), or null. */
    String panels() { return panels; }

    FigureUse.Kind kind() { return kind; }

    String name() { return name; }

    String label() { return label; }

    /** Set once by the page collector, which knows line numbers. */
    void setUse(FigureUse use) { this.use = use; }

    FigureUse use() { return use; }

    @Override
    public BasedSequence[] getSegments() { return EMPTY_SEGMENTS; }
}
