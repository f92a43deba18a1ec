package org.optreport.site.markdown;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** {@code @kind:label}. */
final class ReferenceNode extends Node {
    private final ReferenceUse.Kind kind;
    private final String label;
    private ReferenceUse use;

    ReferenceNode(BasedSequence source, ReferenceUse.Kind kind, String label) {
        super(source);
        this.kind = kind;
        this.label = label;
    }

    ReferenceUse.Kind kind() { return kind; }

    String label() { return label; }

    void setUse(ReferenceUse use) { this.use = use; }

    ReferenceUse use() { return use; }

    @Override
    public BasedSequence[] getSegments() { return EMPTY_SEGMENTS; }
}
