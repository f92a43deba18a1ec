package org.optreport.report.ultrawide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.optreport.report.ultrawide.UltrawideBootstrap.Interval;

class UltrawideBootstrapTest {
    private static final double[] WIDTHS = {1_000, 3_000, 10_000, 30_000, 100_000};

    /** Per width, {@code seeds} values c m^slope times a log-normal factor of spread {@code noise}. */
    private static List<double[]> powerLaw(double slope, double noise, int seeds, long seed) {
        Random random = new Random(seed);
        List<double[]> values = new ArrayList<>();
        for (double m : WIDTHS) {
            double[] v = new double[seeds];
            for (int s = 0; s < seeds; s++) v[s] = 3 * Math.pow(m, slope) * Math.exp(noise * random.nextGaussian());
            values.add(v);
        }
        return values;
    }

    @Test void withoutSpreadOverSeedsTheIntervalIsTheSlopeItself() {
        Interval interval = UltrawideBootstrap.slope(WIDTHS, powerLaw(-0.5, 0, 5, 1), 0.95);
        assertEquals(-0.5, interval.slope(), 1e-12);
        assertEquals(-0.5, interval.low(), 1e-12);
        assertEquals(-0.5, interval.high(), 1e-12);
    }

    @Test void theIntervalCoversTheTrueSlopeAboutAsOftenAsItsLevelSays() {
        int covered = 0, trials = 60;
        for (int t = 0; t < trials; t++) if (UltrawideBootstrap.slope(WIDTHS, powerLaw(-0.5, 0.1, 7, 100 + t), 0.95).contains(-0.5)) covered++;
        // A percentile bootstrap of medians over few seeds is somewhat narrow; it must still cover most of the time.
        assertTrue(covered >= 0.8 * trials, covered + " of " + trials);
    }

    @Test void moreSpreadGivesAWiderIntervalAndTheFittedSlopeLiesInside() {
        Interval narrow = UltrawideBootstrap.slope(WIDTHS, powerLaw(-0.3, 0.02, 5, 7), 0.95);
        Interval wide = UltrawideBootstrap.slope(WIDTHS, powerLaw(-0.3, 0.2, 5, 7), 0.95);
        assertTrue(wide.high() - wide.low() > 3 * (narrow.high() - narrow.low()));
        assertTrue(narrow.contains(narrow.slope()) && wide.contains(wide.slope()));
    }

    @Test void percentilesInterpolateBetweenOrderStatistics() {
        double[] sorted = {0, 10, 20, 30, 40};
        assertEquals(0, UltrawideBootstrap.percentile(sorted, 0));
        assertEquals(40, UltrawideBootstrap.percentile(sorted, 1));
        assertEquals(5, UltrawideBootstrap.percentile(sorted, 0.125), 1e-12);
    }
}
