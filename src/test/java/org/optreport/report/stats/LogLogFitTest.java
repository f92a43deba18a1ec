package org.optreport.report.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogLogFitTest {
    @Test void anExactPowerLawIsRecovered() {
        double[] x = {1, 2, 4, 8}, y = new double[4];
        for (int i = 0; i < 4; i++) y[i] = 3 * Math.pow(x[i], 1.5);
        LogLogFit fit = LogLogFit.of(x, y);
        assertEquals(1.5, fit.slope(), 1e-12);
        assertEquals(Math.log(3), fit.intercept(), 1e-12);
        assertEquals(3 * Math.pow(5, 1.5), fit.at(5), 1e-9);
        assertEquals(4, fit.points());
    }

    /** Scattered points: the slope from the normal equations, in base-10 logarithms (the slope is base-free). */
    @Test void scatteredPointsGiveTheNormalEquationsSlope() {
        double[] x = {312, 11100, 99510}, y = {5e-3, 40e-3, 0.5};
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < 3; i++) {
            double lx = Math.log10(x[i]), ly = Math.log10(y[i]);
            sx += lx;
            sy += ly;
            sxx += lx * lx;
            sxy += lx * ly;
        }
        double slope = (3 * sxy - sx * sy) / (3 * sxx - sx * sx);
        double intercept10 = (sy - slope * sx) / 3;
        LogLogFit fit = LogLogFit.of(x, y);
        assertEquals(slope, fit.slope(), 1e-12);
        assertEquals(intercept10 * Math.log(10), fit.intercept(), 1e-12);
    }

    @Test void oneSizeHasNoSlope() {
        assertTrue(Double.isNaN(LogLogFit.of(new double[] {300}, new double[] {2e-3}).slope()));
        assertTrue(Double.isNaN(LogLogFit.of(new double[] {300, 300}, new double[] {2e-3, 3e-3}).slope()));
        assertTrue(Double.isNaN(LogLogFit.of(new double[0], new double[0]).slope()));
    }

    @Test void unequalLengthsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> LogLogFit.of(new double[] {1, 2}, new double[] {1}));
    }
}
