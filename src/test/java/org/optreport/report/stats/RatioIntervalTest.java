package org.optreport.report.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class RatioIntervalTest {
    private static final int TRIALS = 4000;

    /** n normal replicates of the given mean and coefficient of variation. */
    private static Replicates normal(SplittableRandom random, double mean, double cv, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            // Box-Muller: SplittableRandom has no Gaussian of its own in Java 17
            double u = 1 - random.nextDouble(), v = random.nextDouble();
            x[i] = mean * (1 + cv * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
        }
        return new Replicates(x);
    }

    /** How often the interval holds the true ratio 10 / 4 over simulated measurements with n replicates a side. */
    static double coverage(BiFunction<Replicates, Replicates, RatioInterval> interval, int nA, double cvA, int nB, double cvB, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int covered = 0;
        for (int t = 0; t < TRIALS; t++) {
            RatioInterval r = interval.apply(normal(random, 10, cvA, nA), normal(random, 4, cvB, nB));
            if (r.lower() <= 2.5 && 2.5 <= r.upper()) covered++;
        }
        return covered / (double) TRIALS;
    }

    @Test void itCoversTheTrueRatioAtItsNominalRateWithThreeReplicatesASide() {
        // nominal 90% (one-sided 95% bounds); 4,000 trials give a binomial standard error of 0.5 points
        double c = coverage(RatioInterval::of, 3, 0.05, 3, 0.05, 1);
        assertTrue(c > 0.875 && c < 0.925, "coverage " + c);
    }

    @Test void itCoversTheTrueRatioWhenOneSideIsFarNoisierAndHasMoreReplicates() {
        double c = coverage(RatioInterval::of, 3, 0.10, 5, 0.01, 2);
        assertTrue(c > 0.875 && c < 0.925, "coverage " + c);
    }

    @Test void aRatioOfMeansWithoutSpreadHasNoWidth() {
        RatioInterval r = RatioInterval.of(new Replicates(new double[] {6, 6, 6}), new Replicates(new double[] {2, 2, 2}));
        assertEquals(3, r.estimate(), 1e-12);
        assertEquals(3, r.lower(), 1e-12);
        assertEquals(3, r.upper(), 1e-12);
    }

    @Test void oneReplicateGivesNoBounds() {
        RatioInterval r = RatioInterval.of(new Replicates(new double[] {6}), new Replicates(new double[] {2, 2.1, 1.9}));
        assertEquals(3, r.estimate(), 1e-12);
        assertTrue(Double.isNaN(r.lower()) && Double.isNaN(r.upper()));
    }

    @Test void withOneExactSideTheBoundsAreTheOtherSidesStudentTBoundsOnTheLogScale() {
        // the denominator exact: log(ratio) has the numerator's relative standard error s / (mean sqrt(3)) = 1 / (101 sqrt(3))
        // and n - 1 = 2 degrees of freedom; to first order these are the numerator's own t bounds over 5
        Replicates a = new Replicates(new double[] {100, 101, 102}), b = new Replicates(new double[] {5, 5, 5});
        RatioInterval r = RatioInterval.of(a, b);
        double margin = 2.919985580355516 / (101 * Math.sqrt(3));   // t_{0.95, 2}
        assertEquals(20.2 * Math.exp(-margin), r.lower(), 1e-9);
        assertEquals(20.2 * Math.exp(margin), r.upper(), 1e-9);
        assertEquals(a.lower95() / 5, r.lower(), 1e-3 * r.estimate());
        assertEquals(a.upper95() / 5, r.upper(), 1e-3 * r.estimate());
    }

    @Test void productsAndQuotientsOfSeveralMeansAddTheirLogVariances() {
        // a / (b c) with equal relative standard errors and counts: se = sqrt(3) times one, df = 3 (n - 1) (Welch-Satterthwaite)
        MeanEstimate e = new MeanEstimate(2, 0.2, 4);
        RatioInterval r = RatioInterval.of(5, List.of(e), List.of(e, e), 0.95);
        double se = Math.sqrt(3) * 0.2 / (2 * Math.sqrt(4)), t = new org.apache.commons.math3.distribution.TDistribution(9).inverseCumulativeProbability(0.975);
        assertEquals(2.5, r.estimate(), 1e-12);
        assertEquals(2.5 * Math.exp(-t * se), r.lower(), 1e-12);
        assertEquals(2.5 * Math.exp(t * se), r.upper(), 1e-12);
    }

    @Test void aRecordedIntervalGivesBackTheStandardDeviationItWasComputedFrom() {
        Replicates r = new Replicates(new double[] {1.0, 1.3, 0.9, 1.1, 1.2, 0.95, 1.05});
        double h = new org.apache.commons.math3.distribution.TDistribution(6).inverseCumulativeProbability(0.975) * r.standardDeviation() / Math.sqrt(7);
        MeanEstimate e = MeanEstimate.fromInterval(r.mean(), r.mean() - h, r.mean() + h, r.count(), 0.95);
        assertEquals(r.standardDeviation(), e.standardDeviation(), 1e-12);
        assertEquals(7, e.count());
    }
}
