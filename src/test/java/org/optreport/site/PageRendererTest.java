package org.optreport.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PageRendererTest {
    @Test void tocHeadingsEscapeTextAndTypesetMath() {
        assertEquals("Q2: a &lt;factorization&gt; <span class=\"math inline\">\\(W = UU^\\top\\)</span>",
                PageRenderer.headingHtml("Q2: a <factorization> $W = UU^\\top$"));
        assertEquals("no math &amp; no dollars", PageRenderer.headingHtml("no math & no dollars"));
    }
}
