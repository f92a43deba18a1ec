package org.optreport.model;

import org.ejml.data.DMatrixRMaj;

/**
 * What one gradient step of a {@link TwoLayerReluNetwork} did to its outputs, split at the activations that flipped.
 * With {@code z_ri = w_r . x_i} before the step and {@code z'_ri} after it, the change of {@code u_i} is exactly
 * {@code linear_i + flip_i}:
 * <pre>
 *   linear_i = (1/sqrt m) sum_r a_r 1{z_ri >= 0} (z'_ri - z_ri),
 *   flip_i   = (1/sqrt m) sum_r a_r [relu(z'_ri) - relu(z_ri) - 1{z_ri >= 0} (z'_ri - z_ri)],
 * </pre>
 * where the bracket vanishes unless the pair (r, i) changes sign.
 *
 * @param flips  the number of (neuron, sample) pairs whose activation differs
 * @param linear the linear term per sample
 * @param flip   the flip term per sample
 */
public record ActivationChange(long flips, double[] linear, double[] flip) {
    /**
     * Compares two weight settings (row-major m x d) of a network with output signs {@code signs} on inputs
     * {@code x}: one pass of the network's vectorized kernels, neuron by neuron over all samples, with the
     * pre-activations summed as the network sums them (so the activations are the network's own). Sums over neurons
     * are in neuron order.
     */
    public static ActivationChange between(DMatrixRMaj x, double[] signs, double[] before, double[] after) {
        int n = x.numRows;
        int d = x.numCols;
        int m = signs.length;
        if (before.length != m * d || after.length != m * d) {
            throw new IllegalArgumentException("weights must be " + m + " x " + d + ", got " + before.length
                    + " and " + after.length + " entries");
        }
        double[][] xt = new double[d][n];
        ReluNetworkKernels.transpose(x.data, n, d, xt);
        double[] z = new double[n];
        double[] zNext = new double[n];
        double[] linear = new double[n];
        double[] flip = new double[n];
        double[] flipped = new double[n];
        double scale = 1 / Math.sqrt(m);
        for (int r = 0; r < m; r++) {
            ReluNetworkKernels.neuronPairPreActivations(before, r * d, after, r * d, d, xt, n, z, zNext);
            ReluNetworkKernels.accumulateChange(z, zNext, signs[r] * scale, n, linear, flip, flipped);
        }
        long flips = 0;
        for (double count : flipped) {
            flips += (long) count;
        }
        return new ActivationChange(flips, linear, flip);
    }
}
