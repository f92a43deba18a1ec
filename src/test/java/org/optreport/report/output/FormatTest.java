package org.optreport.report.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FormatTest {
    /** "ending below 4.2e-11" was printed for a largest value of 4.2376e-11: a bound must round up. */
    @Test void aCountTakesTheSingularOnlyForOne() {
        assertEquals("1 fork", Format.count(1, "fork", "forks"));
        assertEquals("3 forks", Format.count(3, "fork", "forks"));
        assertEquals("0 sizes", Format.count(0, "size", "sizes"));
        assertEquals("1,500 sizes", Format.count(1500, "size", "sizes"));
    }

    @Test void anUpperBoundIsNeverBelowTheValue() {
        assertEquals("4.3×10⁻¹¹", Format.upperBound(4.2376e-11, 2));
        assertEquals("0.55", Format.upperBound(0.5461, 2));
        assertEquals("0.546", Format.upperBound(0.546, 3), "a value already at the precision stays");
        assertEquals("2.0", Format.upperBound(1.95, 2));
    }
}
