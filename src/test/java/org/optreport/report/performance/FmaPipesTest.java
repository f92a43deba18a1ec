package org.optreport.report.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.optreport.report.output.QuotedValues;
import org.optreport.report.stats.Replicates;

class FmaPipesTest {
    private static final Replicates CLOCK = new Replicates(new double[] {2.84e9, 2.85e9, 2.86e9});

    /** DGEMM at n = 512 (2 n^3 flops) whose three forks take {@code seconds} times 0.99, 1 and 1.01. */
    private static Measurement dgemm(double seconds) {
        Point p = new Point(512, "512×512", Double.NaN, 0, 2.0 * 512 * 512 * 512, Double.NaN, Double.NaN, null);
        return new Measurement(new Kernel("dgemm", "DGEMM"), p, new Replicates(new double[] {0.99 * seconds, seconds, 1.01 * seconds}),
                seconds, Double.NaN, "s/op", Double.NaN, Double.NaN, Double.NaN);
    }

    /** The time at which DGEMM achieves {@code perCycle} flops a cycle at the mean clock. */
    private static double secondsFor(double perCycle) { return 2.0 * 512 * 512 * 512 / (perCycle * CLOCK.mean()); }

    @Test void aRateAboveOnePipesCountInfersTwoPipes() {
        FmaPipes pipes = FmaPipes.of(dgemm(secondsFor(10.4)), CLOCK, 256);
        assertEquals(10.4, pipes.achieved().estimate(), 1e-9);
        assertEquals(8, pipes.onePipe());
        assertEquals(16, pipes.twoPipes());
        assertEquals(FmaPipes.Conclusion.TWO_PIPES_INFERRED, pipes.conclusion());
    }

    @Test void aRateBelowOnePipesCountLeavesTwoPipesAnAssumption() {
        FmaPipes pipes = FmaPipes.of(dgemm(secondsFor(7.2)), CLOCK, 256);
        assertEquals(FmaPipes.Conclusion.ASSUMED, pipes.conclusion());
        QuotedValues values = new QuotedValues();
        RooflineValues.putFmaPipes(pipes, values);
        assertTrue(values.get("fmaPipesConclusion").contains("assumption"), values.get("fmaPipesConclusion"));
        assertFalse(values.get("fmaPipesConclusion").contains("second FMA pipe,"), values.get("fmaPipesConclusion"));
    }

    @Test void anEstimateAboveOnePipeWhoseLowerBoundIsNotProvesNothing() {
        // 8.1 flops a cycle with forks spread ±1% and the clock's ±0.35%: the lower bound falls below 8
        FmaPipes pipes = FmaPipes.of(dgemm(secondsFor(8.1)), CLOCK, 256);
        assertTrue(pipes.achieved().estimate() > 8 && pipes.achieved().lower() < 8);
        assertEquals(FmaPipes.Conclusion.ASSUMED, pipes.conclusion());
    }

    @Test void aRateAboveTwoPipesSaysTheJitsVectorsAreNarrowerThanTheCores() {
        assertEquals(FmaPipes.Conclusion.WIDER_THAN_THE_JIT, FmaPipes.of(dgemm(secondsFor(20)), CLOCK, 256).conclusion());
    }

    @Test void withoutAMeasuredClockThereIsNoInference() {
        assertNull(FmaPipes.of(dgemm(1), null, 256));
        QuotedValues values = new QuotedValues();
        RooflineValues.putFmaPipes(null, values);
        assertTrue(values.get("fmaPipesConclusion").contains("assumption"));
    }
}
