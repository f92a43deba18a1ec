package org.optreport.report.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.optreport.report.stats.Replicates;

class ForkSpreadTest {
    private static Measurement withIterations(double[] forkMeans, double[] iterations) {
        Point p = new Point(1, "m = 1", Double.NaN, 0, Double.NaN, Double.NaN, Double.NaN, null);
        return new Measurement(new Kernel("reluStep", "ReLU"), p, new Replicates(forkMeans), 0, Double.NaN, "s/op", Double.NaN, Double.NaN,
                Double.NaN, iterations);
    }

    @Test void forksThatDisagreeMoreThanTheirIterationsShowABetweenSpreadAboveTheWithin() {
        // forks at 1, 1 and 1.3 (mean 1.1, s = sqrt(0.03) = 0.1732); inside each fork ±1% of its mean: s = 0.01 of it
        Measurement m = withIterations(new double[] {1, 1, 1.3}, new double[] {0.99, 1, 1.01, 0.99, 1, 1.01, 1.287, 1.3, 1.313});
        ForkSpread spread = ForkSpread.of(m);
        assertEquals(Math.sqrt(0.03) / 1.1, spread.between(), 1e-12);
        assertEquals(0.01, spread.within(), 1e-12);
        assertTrue(spread.between() > 10 * spread.within());
    }

    @Test void thePageSaysWhichSpreadIsTheLargerWithBothFigures() {
        assertEquals("its forks disagree by more than a fork's own iterations vary: the fork means' standard deviation is 13% of their"
                + " mean, while inside a fork the iterations' is 0.20% (the median over the 3 forks)", ReluStepValues.spreadText(new ForkSpread(0.13, 0.002, 3)));
        assertTrue(ReluStepValues.spreadText(new ForkSpread(0.01, 0.02, 3)).startsWith("its forks disagree no more"));
        assertTrue(ReluStepValues.spreadText(new ForkSpread(Double.NaN, Double.NaN, 1)).contains("one fork"));
    }

    @Test void oneForkHasNoSpread() {
        ForkSpread spread = ForkSpread.of(withIterations(new double[] {1}, new double[] {0.9, 1, 1.1}));
        assertTrue(Double.isNaN(spread.between()) && Double.isNaN(spread.within()));
    }
}
