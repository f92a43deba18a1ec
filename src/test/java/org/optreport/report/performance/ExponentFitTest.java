package org.optreport.report.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.optreport.report.stats.Replicates;

class ExponentFitTest {
    private static final Kernel K = new Kernel("k", "K");

    private static List<Measurement> powerLaw(double[] sizes, double exponent, double prefactor, double wobble) {
        List<Measurement> out = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            double t = prefactor * Math.pow(sizes[i], exponent) * (1 + (i % 2 == 0 ? wobble : -wobble));
            Point p = new Point(sizes[i], "s" + i, sizes[i], 3, Double.NaN, Double.NaN, Double.NaN, null);
            out.add(new Measurement(K, p, new Replicates(new double[] {t}), t, Double.NaN, "s/op", Double.NaN, Double.NaN, Double.NaN));
        }
        return out;
    }

    @Test void anExactPowerLawOverSixSizesAndTwoDecadesIsFittedWithANarrowInterval() {
        ExponentFit fit = ExponentFit.of(powerLaw(new double[] {100, 250, 600, 1500, 4000, 10000}, 2, 1e-8, 0));
        assertTrue(fit.adequate());
        assertEquals(2, fit.slope(), 1e-9);
        assertEquals(0, fit.halfWidth95(), 1e-6);
    }

    @Test void noiseWidensTheInterval() {
        ExponentFit fit = ExponentFit.of(powerLaw(new double[] {100, 250, 600, 1500, 4000, 10000}, 2, 1e-8, 0.2));
        assertTrue(fit.halfWidth95() > 0.05, "half-width " + fit.halfWidth95());
    }

    @Test void fourSizesOrOneDecadeAreNotEnough() {
        assertFalse(ExponentFit.of(powerLaw(new double[] {100, 1000, 10000, 100000}, 1, 1e-6, 0)).adequate());
        assertFalse(ExponentFit.of(powerLaw(new double[] {1000, 1500, 2500, 4000, 6000, 9000}, 1, 1e-6, 0)).adequate());
    }

    @Test void callsShorterThanTheRegimeLimitAreLeftOut() {
        // 1e-9 p: sizes below 20,000 take less than 20 us
        ExponentFit fit = ExponentFit.of(powerLaw(new double[] {100, 1000, 10000, 30000, 100000, 300000, 1e6, 3e6}, 1, 1e-9, 0));
        assertEquals(5, fit.sizes());
        assertEquals(30000, fit.from());
    }
}
