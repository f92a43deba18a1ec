package org.optreport.report.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestTest {
    @Test void nearnessIsARatioNotADifference() {
        // around 300: 150 is off by 150 and a factor 2, 500 by 200 and a factor 1.67; the factor decides
        assertEquals(500.0, Nearest.nearest(List.of(150.0, 500.0), Double::doubleValue, 300));
    }

    @Test void theFirstOfEqualSizesWins() {
        record Run(String label, double size) {}
        assertEquals("first", Nearest.nearest(List.of(new Run("first", 312), new Run("second", 312)), Run::size, 300).label());
    }

    @Test void nothingIsNearestInAnEmptyList() {
        assertNull(Nearest.nearest(List.<Double>of(), Double::doubleValue, 300));
    }
}
