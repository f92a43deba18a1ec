package org.optreport.site.markdown;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import org.optreport.site.claims.Claim;

/** {@code {{claim ...}}} in a sentence. */
final class ClaimNode extends Node {
    private final Claim claim;
    private ClaimUse use;

    ClaimNode(BasedSequence source, Claim claim) {
        super(source);
        this.claim = claim;
    }

    Claim claim() { return claim; }

    /** Set once by the page collector, which knows line numbers. */
    void setUse(ClaimUse use) { this.use = use; }

    ClaimUse use() { return use; }

    @Override
    public BasedSequence[] getSegments() { return EMPTY_SEGMENTS; }
}
