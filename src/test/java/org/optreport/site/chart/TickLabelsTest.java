package org.optreport.site.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TickLabelsTest {
    /** Negative ticks and exponents read with the minus sign of the pages' numbers, never a hyphen. */
    @Test void negativeNumbersAndExponentsUseTheMinusSign() {
        assertEquals("\u22122", TickLabels.plain(-2));
        assertEquals("\u22120.5", TickLabels.plain(-0.5));
        assertEquals("1.5e\u22127", TickLabels.plain(1.5e-7));
        assertEquals("\u22121.5e\u22127", TickLabels.plain(-1.5e-7));
        assertEquals("1e\u22125", TickLabels.powerOfTen(-5));
        assertEquals("0.001", TickLabels.powerOfTen(-3));
        assertEquals("250", TickLabels.plain(250));
    }
}
