package org.optreport.site.markdown;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import org.optreport.site.claims.Claim;

/** {@code ::: claim ...} ... {@code :::}; its children are the prose the claim guards. */
final class ClaimBlock extends Block {
    private final Claim claim;
    private ClaimUse use;

    ClaimBlock(BasedSequence openingLine, Claim claim) {
        super(openingLine);
        this.claim = claim;
    }

    Claim claim() { return claim; }

    /** Set once by the page collector, which knows line numbers. */
    void setUse(ClaimUse use) { this.use = use; }

    ClaimUse use() { return use; }

    @Override
    public BasedSequence[] getSegments() { return EMPTY_SEGMENTS; }
}
