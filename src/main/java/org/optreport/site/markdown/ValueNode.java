package org.optreport.site.markdown;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** {@code {{study.name}}}. */
final class ValueNode extends Node {
    private final String key;
    private ValueUse use;

    ValueNode(BasedSequence source, String key) {
        super(source);
        this.key = key;
    }

    String key() { return key; }

    void setUse(ValueUse use) { this.use = use; }

    ValueUse use() { return use; }

    @Override
    public BasedSequence[] getSegments() { return EMPTY_SEGMENTS; }
}
