package org.optreport.report.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReplicatesTest {
    /**
     * Student's t quantile at 2 degrees of freedom in closed form, independent of the library the code uses: its CDF is
     * 1/2 + t / (2 sqrt(2 + t²)), so t = (2p - 1) sqrt(2 / (4p (1 - p))).
     */
    private static double tTwoDegrees(double p) {
        return (2 * p - 1) * Math.sqrt(2 / (4 * p * (1 - p)));
    }

    @Test void theIntervalIsTheStudentTIntervalOfTheLogOfTheMeanByTheDeltaMethod() {
        // 1, 2, 6: mean 3, s = sqrt(((-2)² + (-1)² + 3²) / 2) = sqrt(7), relative standard error sqrt(7) / (3 sqrt(3))
        Replicates r = new Replicates(new double[] {1, 2, 6});
        double se = Math.sqrt(7) / (3 * Math.sqrt(3));
        double t975 = tTwoDegrees(0.975), t95 = tTwoDegrees(0.95);
        assertEquals(4.302652729911275, t975, 1e-9);   // the closed form against the tables (and the library: to its own accuracy)
        assertEquals(3 * Math.exp(-t975 * se), r.interval95().lower(), 1e-9);
        assertEquals(3 * Math.exp(t975 * se), r.interval95().upper(), 1e-9);
        assertEquals(3 * Math.exp(-t95 * se), r.lower95(), 1e-9);
        assertEquals(3 * Math.exp(t95 * se), r.upper95(), 1e-9);
        assertEquals(3, r.interval95().estimate(), 1e-12);
    }

    @Test void theLowerEndIsPositiveWhereTheSymmetricIntervalsIsNot() {
        // a time with a collector pause in one fork: 0.2, 0.2, 0.83 ms, mean 0.41, symmetric half-width 4.30 s / sqrt(3) ≈ 0.90
        Replicates r = new Replicates(new double[] {0.2e-3, 0.2e-3, 0.83e-3});
        double symmetricLower = r.mean() - tTwoDegrees(0.975) * r.standardDeviation() / Math.sqrt(3);
        assertTrue(symmetricLower < 0, "symmetric lower end " + symmetricLower);
        assertTrue(r.interval95().lower() > 0 && r.lower95() > 0);
        assertTrue(r.interval95().lower() < r.mean() && r.mean() < r.interval95().upper());
    }

    @Test void oneReplicateHasNoInterval() {
        Replicates r = new Replicates(new double[] {2});
        assertTrue(Double.isNaN(r.interval95().lower()) && Double.isNaN(r.upper95()));
    }
}
