package org.optreport.site.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.optreport.errors.ContentException;

class MathValuesTest {
    @Test void aLabelInDollarDisplayIsAnErrorNamingTheFix() {
        org.optreport.errors.ContentException e = org.junit.jupiter.api.Assertions.assertThrows(org.optreport.errors.ContentException.class,
                () -> new MarkdownPages().parse(java.nio.file.Path.of("p.md"), "---\ntitle: T\n---\n\n$$\na = b \\label{eq:x}\n$$\n"));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("p.md:5:") && e.getMessage().contains("\\begin{equation}"), e.getMessage());
    }

    @Test void valuesInMathAreReplacedAsTex() {
        Map<String, String> v = Map.of("s.eta", "1.2×10⁻³", "s.n", "1,000", "s.inf", "∞");
        assertEquals("\\eta = 1.2\\times 10^{-3}, n = 1{,}000, \\infty ", MathValues.substitute("\\eta = {{s.eta}}, n = {{s.n}}, {{s.inf}}", v::get));
    }

    @Test void ordinaryTexGroupingIsUntouched() {
        String tex = "x^{{a}} + \\frac{{b}}{c} + {{ s.x }}";
        assertEquals(tex, MathValues.substitute(tex, k -> { throw new AssertionError(k); }));
    }
}
