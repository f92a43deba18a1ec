package org.optreport.results;

import java.util.Map;

/**
 * Part 1 (schema nonconvexity/v2): the loss phi(w1, w2) of the scalar depth-2 linear network on a grid and along the
 * segment between its two balanced global minima, with the moments it is a function of, and the largest step with
 * which gradient descent started on the saddle's stable line still reaches the saddle.
 */
@Schema(NonconvexityResult.SCHEMA)
public record NonconvexityResult(String schema, Map<String, String> parameters, DatasetRows dataset, double sxx, double sxy,
                                 double syy, double optimalProduct, double optimalLoss, double lossAtOrigin, Grid grid,
                                 Segment segment, StableLine stableLine) {
    public static final String SCHEMA = "nonconvexity/v2";

    /** Losses on the square grid: {@code loss[row][column]} is at (w1[column], w2[row]). */
    public record Grid(double[] w1, double[] w2, double[][] loss) {}

    /** The loss at {@code t} in [0, 1] along (1 - t) from + t to, between the minima. */
    public record Segment(double[] from, double[] to, double[] t, double[] loss) {}

    /**
     * Gradient descent started at (a, -a) (on the stable line w1 = -w2 when sxy > 0; (a, a) when sxy < 0), for each
     * start {@code a}: {@code criticalStep} is the step size, found by bisection, that separates the runs that reach
     * the saddle from those that diverge; {@code bracket} is the width of the final bisection interval.
     */
    public record StableLine(double[] a, double[] criticalStep, double[] bracket) {}
}
