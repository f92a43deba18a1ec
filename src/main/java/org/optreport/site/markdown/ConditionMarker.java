package org.optreport.site.markdown;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import org.optreport.site.claims.Claim;

/**
 * {@code {{if ...}}}, {@code {{else}}} or {@code {{end}}} as the inline parser meets them; {@link ConditionalWording}
 * then gathers each if-else-end run into a {@link Conditional}, so none is left when the page is collected.
 */
final class ConditionMarker extends Node {
    enum Kind { IF, ELSE, END }

    private final Kind kind;
    private final Claim condition;

    /** @param condition for IF only */
    ConditionMarker(BasedSequence source, Kind kind, Claim condition) {
        super(source);
        this.kind = kind;
        this.condition = condition;
    }

    Kind kind() { return kind; }

    Claim condition() { return condition; }

    @Override
    public BasedSequence[] getSegments() { return EMPTY_SEGMENTS; }
}
