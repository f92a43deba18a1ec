package org.optreport.site.markdown;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import org.optreport.site.claims.Claim;

/** {@code {{if condition}}then{{else}}otherwise{{end}}}: its children are one or two {@link Branch}es. */
final class Conditional extends Node {
    private final Claim condition;
    private ClaimUse use;

    Conditional(BasedSequence source, Claim condition) {
        super(source);
        this.condition = condition;
    }

    Claim condition() { return condition; }

    /** Set once by the page collector, which knows line numbers. */
    void setUse(ClaimUse use) { this.use = use; }

    ClaimUse use() { return use; }

    /** The wording when the condition holds. */
    Branch whenTrue() { return (Branch) getFirstChild(); }

    /** The wording when it does not, or null when there is no {@code {{else}}}. */
    Branch whenFalse() { return getFirstChild().getNext() == null ? null : (Branch) getFirstChild().getNext(); }

    @Override
    public BasedSequence[] getSegments() { return EMPTY_SEGMENTS; }

    /** One of the wordings; its children are ordinary inline Markdown. */
    static final class Branch extends Node {
        Branch(BasedSequence source) {
            super(source);
        }

        @Override
        public BasedSequence[] getSegments() { return EMPTY_SEGMENTS; }
    }
}
