package org.optreport.model;

import java.util.Arrays;

/**
 * The inner loops of {@link TwoLayerReluNetwork} and {@link ActivationChange}, over primitive arrays only.
 *
 * <p>Loops are written so that HotSpot's superword pass (JDK 17) vectorizes the innermost loop: it always
 * runs over a contiguous index (samples in the per-neuron routines, neurons in the per-block routines),
 * never reduces into a scalar, has no data-dependent branch, and reads each operand from its own array
 * ({@code double[][]} by coordinate: offsets into one shared array measured 3-4x slower). Input coordinates
 * are consumed four at a time so that each load/store of the accumulator feeds four multiply-adds.
 *
 * <p>Both layouts sum the coordinates of a pre-activation in the same grouping
 * {@code ((0 + (x0 w0 + x1 w1 + x2 w2 + x3 w3)) + (x4 w4 + ... + x7 w7)) + ...}, then a final pair and a
 * final single coordinate as d mod 4 requires, so a neuron's
 * pre-activation for a sample is bit-for-bit the same whichever routine computes it: the activation
 * pattern seen by the output pass, the gradient pass, the kernel and the flip count always agree.
 *
 * <p>Written with {@code Math.fma} (chains of fused multiply-adds, four samples per pass in the gradient), the
 * pre-activations of a block alone ran 2.5x faster, but the whole step ran 15-30% slower (thread CPU time, m = 10^5,
 * n = 256, d = 10, JDK 17, AVX2, measured back to back): the accumulation of the gradient as an FMA chain and the
 * per-neuron loops with two coordinates per pass lost more than the pre-activations gained. So the step keeps
 * separate multiplies and adds, grouped four coordinates at a time.
 */
final class ReluNetworkKernels {
    private ReluNetworkKernels() {
    }

    /** 2^1000: twice applied, it lifts the smallest subnormal above 1 (see {@link #maskResidual}). */
    private static final double HUGE = 0x1p1000;

    /**
     * Pre-activations of one neuron for all samples: {@code z[i] = w[wOffset..wOffset+d) . x_i}, with the
     * inputs given by coordinate ({@code xt[j][i]} is coordinate j of sample i).
     */
    static void neuronPreActivations(double[] w, int wOffset, int d, double[][] xt, int n, double[] z) {
        Arrays.fill(z, 0, n, 0.0);
        int j = 0;
        for (; j + 3 < d; j += 4) {
            double w0 = w[wOffset + j];
            double w1 = w[wOffset + j + 1];
            double w2 = w[wOffset + j + 2];
            double w3 = w[wOffset + j + 3];
            double[] a0 = xt[j];
            double[] a1 = xt[j + 1];
            double[] a2 = xt[j + 2];
            double[] a3 = xt[j + 3];
            for (int i = 0; i < n; i++) {
                z[i] += w0 * a0[i] + w1 * a1[i] + w2 * a2[i] + w3 * a3[i];
            }
        }
        if (j + 1 < d) {
            double w0 = w[wOffset + j];
            double w1 = w[wOffset + j + 1];
            double[] a0 = xt[j];
            double[] a1 = xt[j + 1];
            for (int i = 0; i < n; i++) {
                z[i] += w0 * a0[i] + w1 * a1[i];
            }
            j += 2;
        }
        if (j < d) {
            double w0 = w[wOffset + j];
            double[] a0 = xt[j];
            for (int i = 0; i < n; i++) {
                z[i] += w0 * a0[i];
            }
        }
    }

    /**
     * {@link #neuronPreActivations} for two weight vectors at once ({@code wa} at {@code aOffset}, {@code wb} at
     * {@code bOffset}), sharing each load of the inputs; same grouping of coordinates, so the same bits.
     */
    static void neuronPairPreActivations(double[] wa, int aOffset, double[] wb, int bOffset, int d, double[][] xt,
                                         int n, double[] za, double[] zb) {
        Arrays.fill(za, 0, n, 0.0);
        Arrays.fill(zb, 0, n, 0.0);
        int j = 0;
        for (; j + 3 < d; j += 4) {
            double a0 = wa[aOffset + j];
            double a1 = wa[aOffset + j + 1];
            double a2 = wa[aOffset + j + 2];
            double a3 = wa[aOffset + j + 3];
            double b0 = wb[bOffset + j];
            double b1 = wb[bOffset + j + 1];
            double b2 = wb[bOffset + j + 2];
            double b3 = wb[bOffset + j + 3];
            double[] x0 = xt[j];
            double[] x1 = xt[j + 1];
            double[] x2 = xt[j + 2];
            double[] x3 = xt[j + 3];
            for (int i = 0; i < n; i++) {
                double v0 = x0[i];
                double v1 = x1[i];
                double v2 = x2[i];
                double v3 = x3[i];
                za[i] += a0 * v0 + a1 * v1 + a2 * v2 + a3 * v3;
                zb[i] += b0 * v0 + b1 * v1 + b2 * v2 + b3 * v3;
            }
        }
        if (j + 1 < d) {
            double a0 = wa[aOffset + j];
            double a1 = wa[aOffset + j + 1];
            double b0 = wb[bOffset + j];
            double b1 = wb[bOffset + j + 1];
            double[] x0 = xt[j];
            double[] x1 = xt[j + 1];
            for (int i = 0; i < n; i++) {
                double v0 = x0[i];
                double v1 = x1[i];
                za[i] += a0 * v0 + a1 * v1;
                zb[i] += b0 * v0 + b1 * v1;
            }
            j += 2;
        }
        if (j < d) {
            double a0 = wa[aOffset + j];
            double b0 = wb[bOffset + j];
            double[] x0 = xt[j];
            for (int i = 0; i < n; i++) {
                double v0 = x0[i];
                za[i] += a0 * v0;
                zb[i] += b0 * v0;
            }
        }
    }

    /** {@code sum[i] += signA max(za[i], 0) + signB max(zb[i], 0)}: two neurons' contributions at once. */
    static void accumulateReluPair(double[] za, double signA, double[] zb, double signB, int n, double[] sum) {
        for (int i = 0; i < n; i++) {
            sum[i] += signA * Math.max(za[i], 0.0) + signB * Math.max(zb[i], 0.0);
        }
    }

    /** {@code sum[i] += sign * max(z[i], 0)}: one neuron's (unscaled) contribution to every output. */
    static void accumulateRelu(double[] z, double sign, int n, double[] sum) {
        for (int i = 0; i < n; i++) {
            sum[i] += sign * Math.max(z[i], 0.0);
        }
    }

    /**
     * Pre-activations of a block of neurons for one sample: {@code z[k] = x_i . w_k} for {@code k < blockSize},
     * with the block's weights given by coordinate ({@code wt[j][k]}), sample i at {@code x[xOffset..+d)}.
     */
    static void samplePreActivations(double[] x, int xOffset, int d, double[][] wt, int blockSize, double[] z) {
        Arrays.fill(z, 0, blockSize, 0.0);
        int j = 0;
        for (; j + 3 < d; j += 4) {
            double x0 = x[xOffset + j];
            double x1 = x[xOffset + j + 1];
            double x2 = x[xOffset + j + 2];
            double x3 = x[xOffset + j + 3];
            double[] a0 = wt[j];
            double[] a1 = wt[j + 1];
            double[] a2 = wt[j + 2];
            double[] a3 = wt[j + 3];
            for (int k = 0; k < blockSize; k++) {
                z[k] += x0 * a0[k] + x1 * a1[k] + x2 * a2[k] + x3 * a3[k];
            }
        }
        if (j + 1 < d) {
            double x0 = x[xOffset + j];
            double x1 = x[xOffset + j + 1];
            double[] a0 = wt[j];
            double[] a1 = wt[j + 1];
            for (int k = 0; k < blockSize; k++) {
                z[k] += x0 * a0[k] + x1 * a1[k];
            }
            j += 2;
        }
        if (j < d) {
            double x0 = x[xOffset + j];
            double[] a0 = wt[j];
            for (int k = 0; k < blockSize; k++) {
                z[k] += x0 * a0[k];
            }
        }
    }

    /**
     * {@link #samplePreActivations} for two samples at once (rows {@code xa} and {@code xb} of x), sharing
     * each load of the block's weights; same grouping of coordinates, so the same bits.
     */
    static void samplePairPreActivations(double[] x, int xa, int xb, int d, double[][] wt, int blockSize,
                                         double[] za, double[] zb) {
        Arrays.fill(za, 0, blockSize, 0.0);
        Arrays.fill(zb, 0, blockSize, 0.0);
        int j = 0;
        for (; j + 3 < d; j += 4) {
            double a0 = x[xa + j];
            double a1 = x[xa + j + 1];
            double a2 = x[xa + j + 2];
            double a3 = x[xa + j + 3];
            double b0 = x[xb + j];
            double b1 = x[xb + j + 1];
            double b2 = x[xb + j + 2];
            double b3 = x[xb + j + 3];
            double[] w0 = wt[j];
            double[] w1 = wt[j + 1];
            double[] w2 = wt[j + 2];
            double[] w3 = wt[j + 3];
            for (int k = 0; k < blockSize; k++) {
                double v0 = w0[k];
                double v1 = w1[k];
                double v2 = w2[k];
                double v3 = w3[k];
                za[k] += a0 * v0 + a1 * v1 + a2 * v2 + a3 * v3;
                zb[k] += b0 * v0 + b1 * v1 + b2 * v2 + b3 * v3;
            }
        }
        if (j + 1 < d) {
            double a0 = x[xa + j];
            double a1 = x[xa + j + 1];
            double b0 = x[xb + j];
            double b1 = x[xb + j + 1];
            double[] w0 = wt[j];
            double[] w1 = wt[j + 1];
            for (int k = 0; k < blockSize; k++) {
                double v0 = w0[k];
                double v1 = w1[k];
                za[k] += a0 * v0 + a1 * v1;
                zb[k] += b0 * v0 + b1 * v1;
            }
            j += 2;
        }
        if (j < d) {
            double a0 = x[xa + j];
            double b0 = x[xb + j];
            double[] w0 = wt[j];
            for (int k = 0; k < blockSize; k++) {
                double v0 = w0[k];
                za[k] += a0 * v0;
                zb[k] += b0 * v0;
            }
        }
    }

    /** Replaces pre-activations by {@code residual * 1{z >= 0}} (see {@link #inactive}). */
    static void maskResidual(double[] z, int blockSize, double residual) {
        for (int k = 0; k < blockSize; k++) {
            z[k] = residual - residual * inactive(z[k]);
        }
    }

    /**
     * {@code 1{z < 0}} without a branch (a ternary is not vectorized by JDK 17 and mispredicts half the time), exact
     * for every finite z: for {@code z < 0}, {@code -z >= 2^-1074} and {@code -z * 2^2000 >= 1} clamps to 1; for
     * {@code z >= 0} (including -0.0) {@code max(0, -z) = 0}.
     */
    static double inactive(double z) {
        return Math.min(1.0, Math.max(0.0, z * -HUGE) * HUGE);
    }

    /**
     * What one step changes, per sample, between the pre-activations {@code z} before and {@code zNext} after it of
     * one neuron with output sign (times scale) {@code weight}: adds {@code weight 1{z >= 0}(zNext - z)} to
     * {@code linear}, {@code weight [relu(zNext) - relu(z) - 1{z >= 0}(zNext - z)]} to {@code flip} (zero unless the
     * activation flips) and {@code |1{zNext >= 0} - 1{z >= 0}|} to {@code flips}.
     */
    static void accumulateChange(double[] z, double[] zNext, double weight, int n, double[] linear, double[] flip,
                                 double[] flips) {
        double half = 0.5 * weight;
        for (int i = 0; i < n; i++) {
            double before = z[i];
            double after = zNext[i];
            double active = 1.0 - inactive(before);
            double linearPart = active * (after - before);
            linear[i] += weight * linearPart;
            flip[i] += half * ((after + Math.abs(after)) - (before + Math.abs(before))) - weight * linearPart;
            flips[i] += Math.abs(inactive(after) - inactive(before));
        }
    }

    /** {@code flips[i] += |1{zNext[i] >= 0} - 1{z[i] >= 0}|}: whether sample i's activation differs. */
    static void accumulateFlips(double[] z, double[] zNext, int n, double[] flips) {
        for (int i = 0; i < n; i++) {
            flips[i] += Math.abs(inactive(zNext[i]) - inactive(z[i]));
        }
    }



    /**
     * Unscaled gradient of a block of neurons, by coordinate: {@code gt[j][k] = sum_i r_i 1{w_k . x_i >= 0} x_ij}.
     * Samples are taken four at a time; the sum over samples is grouped in fours in sample order, which does
     * not depend on the block size.
     *
     * @param x   inputs, row-major n x d
     * @param wt  the block's weights by coordinate, d arrays of at least blockSize
     * @param s   workspace, 4 arrays of at least blockSize
     */
    static void blockGradient(double[] x, int n, int d, double[] residual, double[][] wt, int blockSize,
                              double[][] s, double[][] gt) {
        for (int j = 0; j < d; j++) {
            Arrays.fill(gt[j], 0, blockSize, 0.0);
        }
        double[] s0 = s[0];
        double[] s1 = s[1];
        double[] s2 = s[2];
        double[] s3 = s[3];
        int i = 0;
        for (; i + 3 < n; i += 4) {
            samplePairPreActivations(x, i * d, (i + 1) * d, d, wt, blockSize, s0, s1);
            samplePairPreActivations(x, (i + 2) * d, (i + 3) * d, d, wt, blockSize, s2, s3);
            for (int q = 0; q < 4; q++) {
                maskResidual(s[q], blockSize, residual[i + q]);
            }
            int j = 0;
            for (; j + 1 < d; j += 2) {
                double x0 = x[i * d + j];
                double x1 = x[(i + 1) * d + j];
                double x2 = x[(i + 2) * d + j];
                double x3 = x[(i + 3) * d + j];
                double y0 = x[i * d + j + 1];
                double y1 = x[(i + 1) * d + j + 1];
                double y2 = x[(i + 2) * d + j + 1];
                double y3 = x[(i + 3) * d + j + 1];
                double[] g = gt[j];
                double[] h = gt[j + 1];
                for (int k = 0; k < blockSize; k++) {
                    double t0 = s0[k];
                    double t1 = s1[k];
                    double t2 = s2[k];
                    double t3 = s3[k];
                    g[k] += x0 * t0 + x1 * t1 + x2 * t2 + x3 * t3;
                    h[k] += y0 * t0 + y1 * t1 + y2 * t2 + y3 * t3;
                }
            }
            if (j < d) {
                double x0 = x[i * d + j];
                double x1 = x[(i + 1) * d + j];
                double x2 = x[(i + 2) * d + j];
                double x3 = x[(i + 3) * d + j];
                double[] g = gt[j];
                for (int k = 0; k < blockSize; k++) {
                    g[k] += x0 * s0[k] + x1 * s1[k] + x2 * s2[k] + x3 * s3[k];
                }
            }
        }
        for (; i < n; i++) {
            samplePreActivations(x, i * d, d, wt, blockSize, s0);
            maskResidual(s0, blockSize, residual[i]);
            for (int j = 0; j < d; j++) {
                double xj = x[i * d + j];
                double[] g = gt[j];
                for (int k = 0; k < blockSize; k++) {
                    g[k] += xj * s0[k];
                }
            }
        }
    }

    /** {@code wt[j][k] = w[(first + k)*d + j]}: the block's rows of the row-major m x d weights, by coordinate. */
    static void transposeBlock(double[] w, int first, int blockSize, int d, double[][] wt) {
        for (int k = 0; k < blockSize; k++) {
            int row = (first + k) * d;
            for (int j = 0; j < d; j++) {
                wt[j][k] = w[row + j];
            }
        }
    }

    /** {@code xt[j][i] = x[i*d + j]}. */
    static void transpose(double[] x, int n, int d, double[][] xt) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                xt[j][i] = x[i * d + j];
            }
        }
    }
}
