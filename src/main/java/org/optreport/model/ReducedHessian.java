package org.optreport.model;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.optreport.linalg.DenseEigen;
import org.optreport.linalg.OrthogonalCompletion;
import org.optreport.linalg.SpectrumExtremes;

/**
 * The l2 Hessian of a deep linear network on a subspace that contains its range: its exact nonzero eigenvalues from a
 * dense problem of dimension k = sum_j (r_j d_{j-1} + s_j d_j - r_j s_j), r_j, s_j &lt;= d_N, instead of p = sum_j d_j
 * d_{j-1} (67 instead of 310 at widths 10-10-10-10-1, 607 instead of 21,100 at 10-100-100-100-1).
 *
 * <p>Why the range is small. With the notation of {@link DeepLinearNetworkHessian} (A_j = W_N...W_{j+1}, B_j =
 * W_{j-1}...W_1, G = grad l(W), K_j = G B_j^T, d_N x d_{j-1}), the Hessian maps a direction to block j as the sum of
 * A_j^T dG B_j^T (Gauss-Newton), A_j^T G B_i^T E_i^T M_ij^T (curvature from lower blocks i &lt; j) and
 * M_jk^T E_k^T A_k^T K_j (from higher blocks k &gt; j): every term is A_j^T X or Z K_j. So the range lies in
 * S = sum_j {A_j^T X + Z K_j}. With orthogonal Q_j (d_j x d_j) and P_j (d_{j-1} x d_{j-1}) whose first r_j = min(d_N,
 * d_j), s_j = min(d_N, d_{j-1}) columns span the columns of A_j^T and of K_j^T ({@link OrthogonalCompletion}), a block
 * of S in the rotated coordinates E' = Q_j^T E P_j is nonzero only in entries (a, b) with a &lt; r_j or b &lt; s_j. Those
 * entries' unit vectors form an orthonormal basis U of a space containing S; since H is symmetric, H vanishes on the
 * complement of its range, so H = U (U^T H U) U^T: the eigenvalues of T = U^T H U are H's nonzero eigenvalues plus
 * zeros, and H has the eigenvalue 0 besides whenever k &lt; p. No rank is decided and nothing is truncated: the result is
 * the dense path's up to rounding (orthogonal transformations move eigenvalues by about eps ||H||).
 *
 * <p>The entries of T come from the rotated factors of the dense formula: block (i, j) entry ((a,b), (c,e)) is
 * (A'_i^T A'_j)[a,c] (B'_i Sxx B'_j^T)[b,e] + [i &lt; j] (A'_j^T K'_i)[c,b] (P_j^T M_ij Q_i)[e,a], with A'_j = A_j Q_j,
 * B'_j = P_j^T B_j, K'_j = K_j P_j. Every factor is a product of thin matrices; T is filled once, upper triangle
 * mirrored, so it is exactly symmetric.
 *
 * <p>Every product, and the fill's multiplies and adds, is counted in the network's {@link CountedProducts} (the
 * benchmarks' count of a spectral record is tested against it); the orthogonal completions and the eigen-solve are not.
 */
public final class ReducedHessian {

    private ReducedHessian() {
    }

    /** k, the dimension of the reduced matrix of a network of these widths d_0..d_N (for cost estimates). */
    public static int dimension(int[] widths) {
        int depth = widths.length - 1;
        int outputs = widths[depth];
        int size = 0;
        for (int j = 1; j <= depth; j++) {
            int leading = Math.min(outputs, widths[j]), trailing = Math.min(outputs, widths[j - 1]);
            size += leading * widths[j - 1] + trailing * widths[j] - leading * trailing;
        }
        return size;
    }

    /** Smallest and largest eigenvalue of the Hessian at the network's current weights. */
    static SpectrumExtremes extremes(DeepLinearNetwork net, SquaredLoss loss) {
        DMatrixRMaj t = matrix(net, loss);
        SpectrumExtremes reduced = DenseEigen.extremes(t);
        if (t.numRows == net.parameterCount()) {
            return reduced;
        }
        // the complement of the subspace is in H's null space
        return new SpectrumExtremes(Math.min(reduced.min(), 0), Math.max(reduced.max(), 0));
    }

    /** T = U^T H U (k x k) at the network's current weights. */
    static DMatrixRMaj matrix(DeepLinearNetwork net, SquaredLoss loss) {
        net.updateProducts();
        net.updateLossGradient(loss);
        int depth = net.depth();
        int[] d = net.widths;
        int outputs = d[depth];
        CountedProducts products = net.products;
        DMatrixRMaj[] left = new DMatrixRMaj[depth + 1];
        DMatrixRMaj[] right = new DMatrixRMaj[depth + 1];
        DMatrixRMaj[] rotatedA = new DMatrixRMaj[depth + 1];
        DMatrixRMaj[] rotatedB = new DMatrixRMaj[depth + 1];
        DMatrixRMaj[] rotatedK = new DMatrixRMaj[depth + 1];
        int[] leading = new int[depth + 1];
        int[] trailing = new int[depth + 1];
        for (int j = 1; j <= depth; j++) {
            DMatrixRMaj a = net.suffix[j + 1];                 // A_j, d_N x d_j (A_N = I)
            DMatrixRMaj k = net.gradientTimesPrefix[j];        // K_j = G B_j^T, d_N x d_{j-1}
            left[j] = OrthogonalCompletion.of(CommonOps_DDRM.transpose(a, null));
            right[j] = OrthogonalCompletion.of(CommonOps_DDRM.transpose(k, null));
            rotatedA[j] = new DMatrixRMaj(outputs, d[j]);
            products.mult(a, left[j], rotatedA[j]);
            rotatedK[j] = new DMatrixRMaj(outputs, d[j - 1]);
            products.mult(k, right[j], rotatedK[j]);
            rotatedB[j] = new DMatrixRMaj(d[j - 1], d[0]);
            products.multTransA(right[j], net.prefix[j - 1], rotatedB[j]);
            leading[j] = Math.min(outputs, d[j]);
            trailing[j] = Math.min(outputs, d[j - 1]);
        }
        int size = dimension(d);
        // the kept entries (a, b) of each block, in block order
        int[] blockOf = new int[size], rowOf = new int[size], colOf = new int[size];
        int index = 0;
        for (int j = 1; j <= depth; j++) {
            for (int a = 0; a < d[j]; a++) {
                for (int b = 0; b < d[j - 1]; b++) {
                    if (a < leading[j] || b < trailing[j]) {
                        blockOf[index] = j;
                        rowOf[index] = a;
                        colOf[index] = b;
                        index++;
                    }
                }
            }
        }
        PairFactors[][] pairs = new PairFactors[depth + 1][depth + 1];
        for (int i = 1; i <= depth; i++) {
            DMatrixRMaj between = null;   // M_ij = W_{j-1}...W_{i+1}; the identity (null) while j = i + 1
            for (int j = i; j <= depth; j++) {
                pairs[i][j] = PairFactors.of(i, j, d, rotatedA, rotatedB, rotatedK, left, right, between, loss.inputMoment(), products);
                if (j > i && j < depth) {
                    DMatrixRMaj next = new DMatrixRMaj(d[j], d[i]);
                    if (between == null) next.setTo(net.layers[j - 1]);
                    else products.mult(net.layers[j - 1], between, next);
                    between = next;
                }
            }
        }
        DMatrixRMaj t = new DMatrixRMaj(size, size);
        double[] data = t.data;
        long fill = 0;
        for (int x = 0; x < size; x++) {
            int i = blockOf[x], a = rowOf[x], b = colOf[x];
            for (int y = x; y < size; y++) {
                int j = blockOf[y], c = rowOf[y], e = colOf[y];
                double value = pairs[i][j].entry(a, b, c, e);
                data[x * size + y] = value;
                data[y * size + x] = value;
                fill += i == j ? 1 : 3;   // one multiply, or two and an add with the curvature term
            }
        }
        products.count(fill);
        return t;
    }

    /** The rotated factors of Hessian block (i, j), i &lt;= j; the curvature ones are null on the diagonal. */
    private record PairFactors(DMatrixRMaj outer, DMatrixRMaj inner, DMatrixRMaj curvature, DMatrixRMaj between) {

        static PairFactors of(int i, int j, int[] d, DMatrixRMaj[] rotatedA, DMatrixRMaj[] rotatedB, DMatrixRMaj[] rotatedK,
                              DMatrixRMaj[] left, DMatrixRMaj[] right, DMatrixRMaj between, DMatrixRMaj inputMoment,
                              CountedProducts products) {
            DMatrixRMaj outer = new DMatrixRMaj(d[i], d[j]);
            products.multTransA(rotatedA[i], rotatedA[j], outer);
            DMatrixRMaj momentB = new DMatrixRMaj(d[i - 1], d[0]);
            products.mult(rotatedB[i], inputMoment, momentB);
            DMatrixRMaj inner = new DMatrixRMaj(d[i - 1], d[j - 1]);
            products.multTransB(momentB, rotatedB[j], inner);
            if (i == j) {
                return new PairFactors(outer, inner, null, null);
            }
            DMatrixRMaj curvature = new DMatrixRMaj(d[j], d[i - 1]);
            products.multTransA(rotatedA[j], rotatedK[i], curvature);
            // P_j^T M_ij Q_i, d_{j-1} x d_i
            DMatrixRMaj betweenLeft = new DMatrixRMaj(d[j - 1], d[i]);
            if (between == null) CommonOps_DDRM.transpose(right[j], betweenLeft);   // M = I, d_{j-1} = d_i
            else products.multTransA(right[j], between, betweenLeft);
            DMatrixRMaj rotatedBetween = new DMatrixRMaj(d[j - 1], d[i]);
            products.mult(betweenLeft, left[i], rotatedBetween);
            return new PairFactors(outer, inner, curvature, rotatedBetween);
        }

        double entry(int a, int b, int c, int e) {
            double value = outer.unsafe_get(a, c) * inner.unsafe_get(b, e);
            if (curvature != null) value += curvature.unsafe_get(c, b) * between.unsafe_get(e, a);
            return value;
        }
    }
}
