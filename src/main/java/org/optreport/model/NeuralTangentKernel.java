package org.optreport.model;

import org.ejml.data.DMatrixRMaj;

/** The tangent kernels of the two-layer ReLU network (first layer trained, output signs fixed). */
public final class NeuralTangentKernel {
    private NeuralTangentKernel() {
    }

    /**
     * The infinite-width kernel {@code H*_ij = E_w[(x_i . x_j) 1{w.x_i >= 0, w.x_j >= 0}] =
     * (x_i . x_j)(pi - theta_ij) / (2 pi)}, w ~ N(0, I), with theta_ij the angle between x_i and x_j. For
     * unit-norm rows {@code cos theta_ij = x_i . x_j}, the contract's formula; other norms are handled by
     * normalizing the cosine (clamped into [-1, 1] against rounding). Pairs involving a zero row get 0.
     *
     * @param x n x d inputs, one sample per row
     * @return the symmetric n x n kernel
     */
    public static DMatrixRMaj infiniteWidth(DMatrixRMaj x) {
        int n = x.numRows;
        int d = x.numCols;
        double[] data = x.data;
        double[] norms = new double[n];
        for (int i = 0; i < n; i++) {
            norms[i] = Math.sqrt(dot(data, i, i, d));
        }
        DMatrixRMaj kernel = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double inner = dot(data, i, j, d);
                double value = 0.0;
                if (norms[i] > 0.0 && norms[j] > 0.0) {
                    double cosine = i == j ? 1.0 : Math.max(-1.0, Math.min(1.0, inner / (norms[i] * norms[j])));
                    value = inner * (Math.PI - Math.acos(cosine)) / (2.0 * Math.PI);
                }
                kernel.unsafe_set(i, j, value);
                kernel.unsafe_set(j, i, value);
            }
        }
        return kernel;
    }

    /** The empirical kernel {@code H(w)} of {@code network} at its current weights (see {@link TwoLayerReluNetwork#empiricalKernel}). */
    public static DMatrixRMaj empirical(TwoLayerReluNetwork network, DMatrixRMaj x) {
        return network.empiricalKernel(x);
    }

    private static double dot(double[] data, int i, int j, int d) {
        double sum = 0.0;
        for (int c = 0; c < d; c++) {
            sum += data[i * d + c] * data[j * d + c];
        }
        return sum;
    }
}
