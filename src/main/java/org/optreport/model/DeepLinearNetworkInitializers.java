package org.optreport.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.optreport.linalg.SeededMatrices;

/** Seeded initialisations of deep linear networks. */
public final class DeepLinearNetworkInitializers {

    private DeepLinearNetworkInitializers() {
    }

    /** Weights i.i.d. N(0, scale^2). */
    public static DeepLinearNetwork gaussian(int[] widths, double scale, long seed) {
        requireWidths(widths);
        Random random = new Random(seed);
        List<DMatrixRMaj> layers = new ArrayList<>();
        for (int j = 1; j < widths.length; j++) {
            layers.add(SeededMatrices.gaussian(widths[j], widths[j - 1], scale, random));
        }
        return new DeepLinearNetwork(layers);
    }

    /** Xavier/Glorot normal: W_j i.i.d. N(0, scale^2 * 2 / (d_{j-1} + d_j)). */
    public static DeepLinearNetwork xavier(int[] widths, double scale, long seed) {
        requireWidths(widths);
        Random random = new Random(seed);
        List<DMatrixRMaj> layers = new ArrayList<>();
        for (int j = 1; j < widths.length; j++) {
            double std = scale * Math.sqrt(2.0 / (widths[j - 1] + widths[j]));
            layers.add(SeededMatrices.gaussian(widths[j], widths[j - 1], std, random));
        }
        return new DeepLinearNetwork(layers);
    }

    /**
     * An exactly balanced network whose end-to-end matrix is a random matrix A of Frobenius norm {@code scale}
     * and rank r = min(widths): A = U S V^T is a Gaussian dN x d0 matrix truncated to its r leading singular
     * triples and rescaled, then factored by {@link #balancedFactorization}.
     */
    public static DeepLinearNetwork balanced(int[] widths, double scale, long seed) {
        requireWidths(widths);
        Random random = new Random(seed);
        int d0 = widths[0];
        int dN = widths[widths.length - 1];
        DMatrixRMaj a = SeededMatrices.gaussian(dN, d0, 1.0, random);
        DMatrixRMaj truncated = truncate(a, minimum(widths));
        double norm = NormOps_DDRM.normF(truncated);
        if (norm > 0) {
            CommonOps_DDRM.scale(scale / norm, truncated);
        }
        return balancedFactorization(truncated, widths, random.nextLong());
    }

    /**
     * A balanced network (W_{j+1}^T W_{j+1} = W_j W_j^T) with the given end-to-end matrix, whose rank must not
     * exceed min(widths). With the thin SVD A = U S V^T of rank r: W_1 = Q_1 S^{1/N} V^T,
     * W_j = Q_j S^{1/N} Q_{j-1}^T, W_N = U S^{1/N} Q_{N-1}^T, with random orthonormal Q_j (d_j x r, seeded).
     * Then W_{j+1}^T W_{j+1} = Q_j S^{2/N} Q_j^T = W_j W_j^T and the product telescopes to A.
     */
    public static DeepLinearNetwork balancedFactorization(DMatrixRMaj endToEnd, int[] widths, long seed) {
        requireWidths(widths);
        int depth = widths.length - 1;
        if (endToEnd.numRows != widths[depth] || endToEnd.numCols != widths[0]) {
            throw new IllegalArgumentException("end-to-end matrix must be " + widths[depth] + " x " + widths[0]);
        }
        if (depth == 1) {
            return new DeepLinearNetwork(List.of(endToEnd));
        }
        int r = minimum(widths);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = svd(endToEnd);
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj v = svd.getV(null, false);
        double[] sigma = svd.getSingularValues();
        int k = Math.min(endToEnd.numRows, endToEnd.numCols);
        // sort singular triples so the r kept ones are the largest
        SingularOps_DDRM.descendingOrder(u, false, sigma, k, v, false);
        for (int i = r; i < k; i++) {
            if (sigma[i] > 1e-12 * sigma[0]) {
                throw new IllegalArgumentException("end-to-end matrix has rank above min(widths) = " + r);
            }
        }
        DMatrixRMaj root = new DMatrixRMaj(r, r);
        for (int i = 0; i < r; i++) {
            root.set(i, i, Math.pow(sigma[i], 1.0 / depth));
        }
        DMatrixRMaj uR = CommonOps_DDRM.extract(u, 0, u.numRows, 0, r);
        DMatrixRMaj vR = CommonOps_DDRM.extract(v, 0, v.numRows, 0, r);
        Random random = new Random(seed);
        DMatrixRMaj[] q = new DMatrixRMaj[depth + 1];
        q[0] = vR;
        for (int j = 1; j < depth; j++) {
            q[j] = SeededMatrices.orthonormalColumns(widths[j], r, random);
        }
        q[depth] = uR;
        List<DMatrixRMaj> layers = new ArrayList<>();
        for (int j = 1; j <= depth; j++) {
            DMatrixRMaj left = new DMatrixRMaj(widths[j], r);
            CommonOps_DDRM.mult(q[j], root, left);
            DMatrixRMaj w = new DMatrixRMaj(widths[j], widths[j - 1]);
            CommonOps_DDRM.multTransB(left, q[j - 1], w);
            layers.add(w);
        }
        return new DeepLinearNetwork(layers);
    }

    private static DMatrixRMaj truncate(DMatrixRMaj a, int rank) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd = svd(a);
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj v = svd.getV(null, false);
        double[] sigma = svd.getSingularValues();
        int k = Math.min(a.numRows, a.numCols);
        SingularOps_DDRM.descendingOrder(u, false, sigma, k, v, false);
        DMatrixRMaj out = new DMatrixRMaj(a.numRows, a.numCols);
        for (int i = 0; i < Math.min(rank, k); i++) {
            for (int row = 0; row < a.numRows; row++) {
                for (int col = 0; col < a.numCols; col++) {
                    out.add(row, col, sigma[i] * u.get(row, i) * v.get(col, i));
                }
            }
        }
        return out;
    }

    private static SingularValueDecomposition_F64<DMatrixRMaj> svd(DMatrixRMaj a) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(a.numRows, a.numCols, true, true, true);
        if (!svd.decompose(a.copy())) {
            throw new ArithmeticException("SVD failed");
        }
        return svd;
    }

    private static int minimum(int[] widths) {
        int m = Integer.MAX_VALUE;
        for (int w : widths) {
            m = Math.min(m, w);
        }
        return m;
    }

    private static void requireWidths(int[] widths) {
        if (widths.length < 2) {
            throw new IllegalArgumentException("need at least input and output width");
        }
        for (int w : widths) {
            if (w < 1) {
                throw new IllegalArgumentException("widths must be positive");
            }
        }
    }
}
