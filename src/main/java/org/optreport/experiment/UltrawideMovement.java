package org.optreport.experiment;

import java.util.Arrays;

/**
 * How far the neurons moved from their initialization, {@code ||w_r(k) - w_r(0)||} over r: the largest, the median
 * and the root mean square. The lazy-training argument is about a typical neuron (each moves by O(1/sqrt m)); the
 * largest of m movements also grows with m, so the typical ones are kept beside it.
 */
record UltrawideMovement(double max, double median, double rms) {
    /** From the current and initial weights, row-major m x d. */
    static UltrawideMovement of(double[] weights, double[] initialWeights, int dimension) {
        int m = weights.length / dimension;
        double[] moved = new double[m];
        double squares = 0;
        for (int r = 0; r < m; r++) {
            double s = 0;
            for (int j = r * dimension; j < (r + 1) * dimension; j++) {
                double delta = weights[j] - initialWeights[j];
                s += delta * delta;
            }
            squares += s;
            moved[r] = Math.sqrt(s);
        }
        Arrays.sort(moved);
        double median = m % 2 == 1 ? moved[m / 2] : (moved[m / 2 - 1] + moved[m / 2]) / 2;
        return new UltrawideMovement(moved[m - 1], median, Math.sqrt(squares / m));
    }
}
