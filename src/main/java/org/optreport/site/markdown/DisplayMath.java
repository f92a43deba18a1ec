package org.optreport.site.markdown;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/** A display math block spanning whole lines; {@link #mathJaxText} is exactly what goes into the math div. */
final class DisplayMath extends Block {
    private String mathJaxText = "";

    DisplayMath(BasedSequence openingLine) {
        super(openingLine);
    }

    void setMathJaxText(String text) { this.mathJaxText = text; }

    String mathJaxText() { return mathJaxText; }

    @Override
    public BasedSequence[] getSegments() { return EMPTY_SEGMENTS; }
}
