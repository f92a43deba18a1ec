package org.optreport.report.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.optreport.report.stats.Replicates;

class CostModelFitTest {
    private static final Kernel K = new Kernel("k", "K");

    private static Measurement m(double flops, double seconds) {
        Point p = new Point(flops, "f" + flops, Double.NaN, 0, flops, Double.NaN, Double.NaN, null);
        return new Measurement(K, p, new Replicates(new double[] {seconds}), seconds, Double.NaN, "s/op", Double.NaN, Double.NaN, Double.NaN);
    }

    /** Times made exactly of 2 µs plus 1 ns per flop are fitted back to those, with no residual. */
    @Test void exactTimesGiveTheirCoefficients() {
        List<Measurement> ms = new ArrayList<>();
        for (double f : new double[] {1e2, 1e3, 1e4, 1e5, 1e6}) ms.add(m(f, 2e-6 + 1e-9 * f));
        CostModelFit fit = CostModelFit.of(ms);
        assertEquals(2e-6, fit.fixedSeconds(), 1e-15);
        assertEquals(1e9, fit.rate(), 1e-3);
        assertEquals(0, fit.perFlopHalfWidth95(), 1e-18);
    }

    /** With 5% multiplicative noise, the 95% intervals cover the true coefficients (seeded, so the test is fixed). */
    @Test void noisyTimesGiveIntervalsAroundTheTruth() {
        Random random = new Random(23);
        List<Measurement> ms = new ArrayList<>();
        for (double f = 100; f <= 1e7; f *= 3) ms.add(m(f, (5e-6 + 2e-9 * f) * (1 + 0.05 * random.nextGaussian())));
        CostModelFit fit = CostModelFit.of(ms);
        assertTrue(Math.abs(fit.fixedSeconds() - 5e-6) < fit.fixedHalfWidth95(), fit.toString());
        assertTrue(Math.abs(fit.secondsPerFlop() - 2e-9) < fit.perFlopHalfWidth95(), fit.toString());
    }

    /** Three small calls within a factor 4 of flops: the fit exists, but reads no rate of large calls. */
    @Test void flopCountsWithinADecadeAreNotInformative() {
        CostModelFit narrow = CostModelFit.of(List.of(m(810, 1.1e-6), m(1700, 1.9e-6), m(3400, 3.2e-6)));
        assertEquals(Math.log10(3400 / 810.0), narrow.flopDecades(), 1e-12);
        assertTrue(!narrow.informative());
        assertTrue(ScalingExponents.costModel(narrow).startsWith("not fitted (3 sizes over 0.62 decades of flops"), ScalingExponents.costModel(narrow));
        assertTrue(CostModelFit.of(List.of(m(810, 1.1e-6), m(3400, 3.2e-6), m(8100, 6e-6))).informative());
    }

    @Test void twoSizesGiveNoFit() {
        assertNull(CostModelFit.of(List.of(m(1e3, 1e-6), m(1e4, 1e-5))));
    }
}
