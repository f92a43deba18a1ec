package org.optreport.site.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TickLabelsTest {
    /** Negative ticks and exponents read with the minus sign of the pages' numbers, never a hyphen. */
    @Test void negativeNumbersAndExponentsUseTheMinusSign() {
        assertEquals("\u22122", TickLabels.fixed(-2, 0));
        assertEquals("\u22120.5", TickLabels.fixed(-0.5, 2));
        assertEquals("1.5×10\u207B\u2077", TickLabels.plain(1.5e-7));
        assertEquals("\u22121.5×10\u207B\u2077", TickLabels.plain(-1.5e-7));
        assertEquals("250", TickLabels.plain(250));
    }

    /** Powers of ten with real superscript digits: 10⁻³, 10⁰, 10¹². */
    @Test void decadesAreWrittenWithSuperscripts() {
        assertEquals("10⁻³", TickLabels.decade(-3));
        assertEquals("10⁰", TickLabels.decade(0));
        assertEquals("10¹²", TickLabels.decade(12));
        assertEquals("2×10⁻⁵", TickLabels.scientific(2, -5));
        assertEquals("10⁴", TickLabels.scientific(1, 4));
    }

    /** Round ticks drop trailing zeros and group thousands from 10,000 on. */
    @Test void fixedLabelsAreShortAndGrouped() {
        assertEquals("0.25", TickLabels.fixed(0.25, 2));
        assertEquals("1", TickLabels.fixed(1.0000000000000002, 2));
        assertEquals("5000", TickLabels.fixed(5000, 0));
        assertEquals("20,000", TickLabels.fixed(20000, 0));
        assertEquals("0", TickLabels.fixed(-0.0, 1));
    }
}
