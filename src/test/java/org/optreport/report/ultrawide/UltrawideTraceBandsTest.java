package org.optreport.report.ultrawide;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.optreport.results.Trace;

class UltrawideTraceBandsTest {
    /** A trace that kept these points (as a reduced trace does: each run its own extremes' steps). */
    private static Trace trace(int[] steps, double[] values, double max, int maxStep) {
        return new Trace(steps, values, Double.NaN, -1, max, maxStep);
    }

    // A keeps a spike at step 5; B keeps a dip at step 7 and stops at step 10, earlier than A.
    private static final Trace A = trace(new int[] {0, 5, 10, 12}, new double[] {1, 9, 3, 2}, 9, 5);
    private static final Trace B = trace(new int[] {0, 7, 10}, new double[] {2, 0.5, 4}, 4, 10);

    @Test void seedsAreMergedOnTheUnionOfTheirKeptStepsUpToTheEarliestEnd() {
        UltrawideTraceBands.Band band = UltrawideTraceBands.band(List.of(A, B));
        assertArrayEquals(new double[] {0, 5, 7, 10}, band.step());
    }

    @Test void eachRunsKeptSpikeAndDipReachTheBandAndTheMedianIsTheMeanOfTwo() {
        UltrawideTraceBands.Band band = UltrawideTraceBands.band(List.of(A, B));
        // at step 5: A kept 9; B's line from (0, 2) to (7, 0.5) gives 2 - 1.5 * 5/7
        double b5 = 2 - 1.5 * 5 / 7.0;
        assertEquals(9, band.max()[1]);
        assertEquals(b5, band.min()[1], 1e-15);
        assertEquals((9 + b5) / 2, band.median()[1], 1e-15);
        // at step 7: B kept 0.5; A's line from (5, 9) to (10, 3) gives 9 - 6 * 2/5
        assertEquals(0.5, band.min()[2]);
        assertEquals(9 - 6 * 2 / 5.0, band.max()[2], 1e-15);
    }

    @Test void aStepOutsideATraceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> UltrawideTraceBands.valueAt(new double[] {0, 10}, new double[] {1, 2}, 11));
    }
}
