package org.optreport.report.stats;

import java.util.Arrays;

/**
 * A curve known at some steps, read between them along the straight line its chart draws: how runs recorded at
 * different steps are put on one grid (bands over seeds).
 */
public final class PiecewiseLinear {
    private PiecewiseLinear() {}

    /** The value at {@code x} ({@code xs} ascending): a point's own, else linear between its neighbours; NaN outside. */
    public static double at(double[] xs, double[] ys, double x) {
        int k = Arrays.binarySearch(xs, x);
        if (k >= 0) return ys[k];
        int after = -k - 1;
        if (after == 0 || after == xs.length) return Double.NaN;
        double w = (x - xs[after - 1]) / (xs[after] - xs[after - 1]);
        return ys[after - 1] + w * (ys[after] - ys[after - 1]);
    }
}
