package org.optreport.experiment;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.optreport.model.ActivationChange;
import org.optreport.results.UltrawideResult.StepFlips;

/**
 * The part of one gradient step that no kernel accounts for: activations that flip within the step (the I_2 term of
 * Du, Zhai, Poczos and Singh 2019). For a two-layer ReLU network with outputs
 * {@code u_i = (1/sqrt m) sum_r a_r relu(z_ri)}, {@code z_ri = w_r . x_i}, the step from w(k) to w(k+1) changes
 * {@code u_i} by exactly
 * <pre>
 *   linear_i + flip_i,   linear_i = (1/sqrt m) sum_r a_r 1{z_ri >= 0} (z'_ri - z_ri) = -eta (H(k) (u(k) - y))_i,
 *                        flip_i   = (1/sqrt m) sum_r a_r [relu(z'_ri) - relu(z_ri) - 1{z_ri >= 0} (z'_ri - z_ri)],
 * </pre>
 * and the bracket is zero unless the pair (r, i) changes sign, so {@code flip} is a sum over flipped pairs only.
 * Measured at chosen steps from the weights before and after the step by {@link ActivationChange} (the network's own
 * vectorized kernels, so the activations are those the step saw); no n x m array is formed.
 */
final class UltrawideStepFlips {
    private final DMatrixRMaj x;
    private final double[] signs;
    private final List<Integer> steps = new ArrayList<>();
    private final List<Double> flipFraction = new ArrayList<>(), flipNorm = new ArrayList<>(), linearNorm = new ArrayList<>();

    UltrawideStepFlips(DMatrixRMaj x, double[] signs) {
        this.x = x;
        this.signs = signs.clone();
    }

    /** Compares the weights before and after step k (both row-major m x d) and keeps the three numbers of that step. */
    void measure(int step, double[] before, double[] after) {
        ActivationChange change = ActivationChange.between(x, signs, before, after);
        steps.add(step);
        flipFraction.add((double) change.flips() / ((double) x.numRows * signs.length));
        flipNorm.add(norm(change.flip()));
        linearNorm.add(norm(change.linear()));
    }

    StepFlips toRecord() {
        return new StepFlips(steps.stream().mapToInt(Integer::intValue).toArray(), doubles(flipFraction), doubles(flipNorm),
                doubles(linearNorm));
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double e : v) s += e * e;
        return Math.sqrt(s);
    }

    private static double[] doubles(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
