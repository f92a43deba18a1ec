package org.optreport.model;

import java.util.Arrays;

/**
 * The inner loops of {@link TwoLayerReluNetwork} and {@link ActivationChange}, over primitive arrays only.
 *
 * <p>Loops are written so that HotSpot's superword pass (JDK 17) vectorizes the innermost loop: it always
 * runs over a contiguous index (samples in the per-neuron routines, neurons in the per-block routines),
 * never reduces into a scalar, has no data-dependent branch, and reads each operand from its own array
 * ({@code double[][]} by coordinate: offsets into one shared array measured 3-4x slower).
 *
 * <p><b>Fused multiply-adds.</b> A pre-activation is the chain {@code fma(x_{d-1}, w_{d-1}, ... fma(x_1, w_1, x_0 w_0))}
 * in every routine ({@link #preActivation} is the scalar reference), so a neuron's pre-activation for a sample is
 * bit-for-bit the same whichever routine computes it: the activation pattern seen by the output pass, the gradient
 * pass, the kernel and the flip counts always agree. C2 turns {@code Math.fma} into vector FMA instructions; measured
 * with thread CPU time on the development machine, the block pre-activations of four samples took 30 ms per
 * 2 n m d flops (m = 10^5, n = 256, d = 10) against 75 ms written as separate multiplies and adds. Coordinates are
 * consumed two at a time: with four samples per pass that keeps eight input values in registers.
 */
final class ReluNetworkKernels {
    private ReluNetworkKernels() {
    }

    /** 2^1000: twice applied, it lifts the smallest subnormal above 1 (see {@link #inactive}). */
    private static final double HUGE = 0x1p1000;

    /** {@code w[wOffset..+d) . x[xOffset..+d)} as the vectorized routines sum it. */
    static double preActivation(double[] w, int wOffset, double[] x, int xOffset, int d) {
        double z = x[xOffset] * w[wOffset];
        for (int j = 1; j < d; j++) {
            z = Math.fma(x[xOffset + j], w[wOffset + j], z);
        }
        return z;
    }

    /**
     * Pre-activations of one neuron for all samples: {@code z[i] = w[wOffset..wOffset+d) . x_i}, with the
     * inputs given by coordinate ({@code xt[j][i]} is coordinate j of sample i).
     */
    static void neuronPreActivations(double[] w, int wOffset, int d, double[][] xt, int n, double[] z) {
        double a0 = w[wOffset];
        double[] x0 = xt[0];
        for (int i = 0; i < n; i++) {
            z[i] = a0 * x0[i];
        }
        for (int j = 1; j < d; j++) {
            double a = w[wOffset + j];
            double[] x = xt[j];
            for (int i = 0; i < n; i++) {
                z[i] = Math.fma(x[i], a, z[i]);
            }
        }
    }

    /**
     * {@link #neuronPreActivations} for two weight vectors at once ({@code wa} at {@code aOffset}, {@code wb} at
     * {@code bOffset}), sharing each load of the inputs; the same chain, so the same bits.
     */
    static void neuronPairPreActivations(double[] wa, int aOffset, double[] wb, int bOffset, int d, double[][] xt,
                                         int n, double[] za, double[] zb) {
        double a0 = wa[aOffset];
        double b0 = wb[bOffset];
        double[] x0 = xt[0];
        int j = 1;
        if (d % 2 == 0) {
            double a1 = wa[aOffset + 1];
            double b1 = wb[bOffset + 1];
            double[] x1 = xt[1];
            for (int i = 0; i < n; i++) {
                double v0 = x0[i];
                double v1 = x1[i];
                za[i] = Math.fma(v1, a1, v0 * a0);
                zb[i] = Math.fma(v1, b1, v0 * b0);
            }
            j = 2;
        } else {
            for (int i = 0; i < n; i++) {
                double v0 = x0[i];
                za[i] = v0 * a0;
                zb[i] = v0 * b0;
            }
        }
        for (; j + 1 < d; j += 2) {
            double a1 = wa[aOffset + j];
            double a2 = wa[aOffset + j + 1];
            double b1 = wb[bOffset + j];
            double b2 = wb[bOffset + j + 1];
            double[] x1 = xt[j];
            double[] x2 = xt[j + 1];
            for (int i = 0; i < n; i++) {
                double v1 = x1[i];
                double v2 = x2[i];
                za[i] = Math.fma(v2, a2, Math.fma(v1, a1, za[i]));
                zb[i] = Math.fma(v2, b2, Math.fma(v1, b1, zb[i]));
            }
        }
    }

    /**
     * {@code sum[i] += signA max(za[i], 0) + signB max(zb[i], 0)}: two neurons' contributions at once, each written
     * {@code (sign / 2)(z + |z|)}, the same value exactly (z + |z| is 2z or 0, halving is exact) without Math.max's
     * handling of NaN and -0.0, which costs several vector instructions.
     */
    static void accumulateReluPair(double[] za, double signA, double[] zb, double signB, int n, double[] sum) {
        double halfA = 0.5 * signA;
        double halfB = 0.5 * signB;
        for (int i = 0; i < n; i++) {
            double a = za[i];
            double b = zb[i];
            sum[i] += halfA * (a + Math.abs(a)) + halfB * (b + Math.abs(b));
        }
    }

    /** {@code sum[i] += sign * max(z[i], 0)}: one neuron's (unscaled) contribution to every output. */
    static void accumulateRelu(double[] z, double sign, int n, double[] sum) {
        double half = 0.5 * sign;
        for (int i = 0; i < n; i++) {
            double a = z[i];
            sum[i] += half * (a + Math.abs(a));
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
     * Pre-activations of a block of neurons for samples i .. i+3: {@code zq[k] = x_{i+q} . w_k}, with the block's
     * weights by coordinate ({@code wt[j][k]}), inputs row-major n x d; each load of the weights serves four samples.
     */
    static void quadPreActivations(double[] x, int i, int d, double[][] wt, int size,
                                   double[] z0, double[] z1, double[] z2, double[] z3) {
        int r0 = i * d;
        int r1 = r0 + d;
        int r2 = r1 + d;
        int r3 = r2 + d;
        double[] w0 = wt[0];
        double a0 = x[r0];
        double b0 = x[r1];
        double c0 = x[r2];
        double e0 = x[r3];
        int j = 1;
        if (d % 2 == 0) {
            double[] w1 = wt[1];
            double a1 = x[r0 + 1];
            double b1 = x[r1 + 1];
            double c1 = x[r2 + 1];
            double e1 = x[r3 + 1];
            for (int k = 0; k < size; k++) {
                double v0 = w0[k];
                double v1 = w1[k];
                z0[k] = Math.fma(a1, v1, a0 * v0);
                z1[k] = Math.fma(b1, v1, b0 * v0);
                z2[k] = Math.fma(c1, v1, c0 * v0);
                z3[k] = Math.fma(e1, v1, e0 * v0);
            }
            j = 2;
        } else {
            for (int k = 0; k < size; k++) {
                double v0 = w0[k];
                z0[k] = a0 * v0;
                z1[k] = b0 * v0;
                z2[k] = c0 * v0;
                z3[k] = e0 * v0;
            }
        }
        for (; j + 1 < d; j += 2) {
            double[] wa = wt[j];
            double[] wb = wt[j + 1];
            double a1 = x[r0 + j];
            double a2 = x[r0 + j + 1];
            double b1 = x[r1 + j];
            double b2 = x[r1 + j + 1];
            double c1 = x[r2 + j];
            double c2 = x[r2 + j + 1];
            double e1 = x[r3 + j];
            double e2 = x[r3 + j + 1];
            for (int k = 0; k < size; k++) {
                double v1 = wa[k];
                double v2 = wb[k];
                z0[k] = Math.fma(a2, v2, Math.fma(a1, v1, z0[k]));
                z1[k] = Math.fma(b2, v2, Math.fma(b1, v1, z1[k]));
                z2[k] = Math.fma(c2, v2, Math.fma(c1, v1, z2[k]));
                z3[k] = Math.fma(e2, v2, Math.fma(e1, v1, z3[k]));
            }
        }
    }

    /** Pre-activations of a block of neurons for sample i alone: {@code z[k] = x_i . w_k}, the same chain. */
    static void samplePreActivations(double[] x, int i, int d, double[][] wt, int size, double[] z) {
        int r0 = i * d;
        double a0 = x[r0];
        double[] w0 = wt[0];
        for (int k = 0; k < size; k++) {
            z[k] = a0 * w0[k];
        }
        for (int j = 1; j < d; j++) {
            double a = x[r0 + j];
            double[] w = wt[j];
            for (int k = 0; k < size; k++) {
                z[k] = Math.fma(a, w[k], z[k]);
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
     * Unscaled gradient of a block of neurons, by coordinate: {@code gt[j][k] = sum_i r_i 1{w_k . x_i >= 0} x_ij}.
     * Samples are taken four at a time and added to the sum one by one in sample order (fused multiply-adds), which
     * does not depend on the block size.
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
            quadPreActivations(x, i, d, wt, blockSize, s0, s1, s2, s3);
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
                    g[k] = Math.fma(x3, t3, Math.fma(x2, t2, Math.fma(x1, t1, Math.fma(x0, t0, g[k]))));
                    h[k] = Math.fma(y3, t3, Math.fma(y2, t2, Math.fma(y1, t1, Math.fma(y0, t0, h[k]))));
                }
            }
            if (j < d) {
                double x0 = x[i * d + j];
                double x1 = x[(i + 1) * d + j];
                double x2 = x[(i + 2) * d + j];
                double x3 = x[(i + 3) * d + j];
                double[] g = gt[j];
                for (int k = 0; k < blockSize; k++) {
                    g[k] = Math.fma(x3, s3[k], Math.fma(x2, s2[k], Math.fma(x1, s1[k], Math.fma(x0, s0[k], g[k]))));
                }
            }
        }
        for (; i < n; i++) {
            samplePreActivations(x, i, d, wt, blockSize, s0);
            maskResidual(s0, blockSize, residual[i]);
            for (int j = 0; j < d; j++) {
                double xj = x[i * d + j];
                double[] g = gt[j];
                for (int k = 0; k < blockSize; k++) {
                    g[k] = Math.fma(xj, s0[k], g[k]);
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
