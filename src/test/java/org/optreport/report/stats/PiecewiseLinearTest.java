package org.optreport.report.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PiecewiseLinearTest {
    private static final double[] XS = {0, 10, 20, 40}, YS = {0, 10, 0, 5};

    @Test void aKeptPointIsReadAsItIs() {
        assertEquals(10, PiecewiseLinear.at(XS, YS, 10));
    }

    @Test void betweenPointsTheSegmentsLineIsRead() {
        assertEquals(2.5, PiecewiseLinear.at(XS, YS, 2.5));          // on y = x
        assertEquals(5, PiecewiseLinear.at(XS, YS, 15));             // on y = 20 - x
        assertEquals(0.25 * 30 - 5, PiecewiseLinear.at(XS, YS, 30)); // on y = x/4 - 5
    }

    @Test void outsideTheCurveThereIsNoValue() {
        assertTrue(Double.isNaN(PiecewiseLinear.at(XS, YS, -1)));
        assertTrue(Double.isNaN(PiecewiseLinear.at(XS, YS, 41)));
    }
}
