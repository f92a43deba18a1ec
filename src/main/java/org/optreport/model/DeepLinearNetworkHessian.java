package org.optreport.model;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Second derivatives of L(W_1..W_N) = l(W_N ... W_1) for the l2 loss, where grad l(W) = W Sxx - Syx =: G.
 *
 * <p>Derivation. Write A_j = W_N...W_{j+1} (dN x d_j), B_j = W_{j-1}...W_1 (d_{j-1} x d0) and, for i &lt; j,
 * M_ij = W_{j-1}...W_{i+1} (d_{j-1} x d_i; identity when j = i + 1). Perturbing every layer along E_j,
 * W(t) = W + t sum_j A_j E_j B_j + t^2 sum_{i&lt;j} A_j E_j M_ij E_i B_i + O(t^3). Since l is quadratic,
 * l(W + D) = l(W) + &lt;G, D&gt; + (1/2) &lt;D, D Sxx&gt;, so the t^2/2 coefficient of L gives
 * E^T H E = &lt;dW, dW Sxx&gt; + 2 sum_{i&lt;j} &lt;G, A_j E_j M_ij E_i B_i&gt; with dW = sum_j A_j E_j B_j.
 * Reading off unit directions E_i = e_a e_b^T, E_j = e_c e_d^T (row-major indices a d_{i-1} + b, c d_{j-1} + d):
 * <ul>
 * <li>Gauss-Newton term, every block (i, j): (A_i^T A_j)[a,c] * (B_i Sxx B_j^T)[b,d], i.e. the Kronecker
 * product (A_i^T A_j) (x) (B_i Sxx B_j^T);</li>
 * <li>curvature of the composition, off-diagonal blocks i &lt; j only: (A_j^T G B_i^T)[c,b] * M_ij[d,a]
 * (mirrored into block (j, i)); it vanishes at a global minimum (G = 0).</li>
 * </ul>
 * The Hessian-vector product differentiates the gradient A_j^T G B_j^T along E instead, with
 * dB_{j+1} = W_j dB_j + E_j B_j, dA_{j-1} = dA_j W_j + A_j E_j (as row blocks of the suffix products) and
 * dG = dW Sxx: d(grad_j) = dA_j^T G B_j^T + A_j^T (dG B_j^T + G dB_j^T). This costs O(N) products of the
 * thin prefix/suffix matrices and allocates nothing after construction.
 */
final class DeepLinearNetworkHessian {

    private final DeepLinearNetwork net;
    /** direction[j] = E_j, shaped like W_j. */
    private final DMatrixRMaj[] direction;
    /** prefixChange[j] = d(W_j...W_1) (d_j x d0); prefixChange[0] = 0. */
    private final DMatrixRMaj[] prefixChange;
    /** suffixChange[j] = d(W_N...W_j) (dN x d_{j-1}); suffixChange[N+1] = 0. */
    private final DMatrixRMaj[] suffixChange;
    private final DMatrixRMaj[] mixed;
    private final DMatrixRMaj gradientChange;

    DeepLinearNetworkHessian(DeepLinearNetwork net) {
        this.net = net;
        int depth = net.depth();
        int[] d = net.widths;
        direction = new DMatrixRMaj[depth + 1];
        prefixChange = new DMatrixRMaj[depth + 1];
        suffixChange = new DMatrixRMaj[depth + 2];
        mixed = new DMatrixRMaj[depth + 1];
        prefixChange[0] = new DMatrixRMaj(d[0], d[0]);
        suffixChange[depth + 1] = new DMatrixRMaj(d[depth], d[depth]);
        gradientChange = new DMatrixRMaj(d[depth], d[0]);
        for (int j = 1; j <= depth; j++) {
            direction[j] = new DMatrixRMaj(d[j], d[j - 1]);
        }
        // dP_1 = E_1 P_0 = E_1, dS_N = S_{N+1} E_N = E_N, mixed_1 = dG P_0^T = dG: the same matrices, not copies
        prefixChange[1] = direction[1];
        suffixChange[depth] = direction[depth];
        mixed[1] = gradientChange;
        for (int j = 2; j <= depth; j++) {
            prefixChange[j] = new DMatrixRMaj(d[j], d[0]);
            mixed[j] = new DMatrixRMaj(d[depth], d[j - 1]);
            if (j < depth) suffixChange[j] = new DMatrixRMaj(d[depth], d[j - 1]);
        }
    }

    /**
     * H v. The products with the identity and with zero that the general recursions would perform at the ends
     * (P_0 = I, dP_0 = 0, S_{N+1} = I, dS_{N+1} = 0) are left out: dP_1 = E_1, dS_N = E_N, mixed_1 = dG and the
     * last layer's block is mixed_N as it stands.
     */
    void multiply(SquaredLoss loss, double[] v, double[] out) {
        net.updateProducts();
        net.updateLossGradient(loss);
        multiplyAtCurrentProducts(loss, v, out);
    }

    /** H v with the prefix and suffix products and the loss gradient already current (an operator applied many times). */
    void multiplyAtCurrentProducts(SquaredLoss loss, double[] v, double[] out) {
        int depth = net.depth();
        CountedProducts products = net.products;
        for (int j = 1; j <= depth; j++) {
            System.arraycopy(v, net.offsets[j - 1], direction[j].data, 0, direction[j].data.length);
        }
        for (int j = 2; j <= depth; j++) {
            products.mult(net.layers[j - 1], prefixChange[j - 1], prefixChange[j]);
            products.multAdd(direction[j], net.prefix[j - 1], prefixChange[j]);
        }
        for (int j = depth - 1; j >= 2; j--) {
            products.mult(suffixChange[j + 1], net.layers[j - 1], suffixChange[j]);
            products.multAdd(net.suffix[j + 1], direction[j], suffixChange[j]);
        }
        products.mult(prefixChange[depth], loss.inputMoment(), gradientChange);
        for (int j = 1; j <= depth; j++) {
            // mixed = dG B_j^T + G dB_j^T, with B_j = prefix[j-1]
            if (j > 1) {
                products.multTransB(gradientChange, net.prefix[j - 1], mixed[j]);
                products.multAddTransB(net.lossGradient, prefixChange[j - 1], mixed[j]);
            }
            DMatrixRMaj block = mixed[j];
            if (j < depth) {
                block = net.layerWork[j];
                products.multTransA(net.suffix[j + 1], mixed[j], block);
                products.multAddTransA(suffixChange[j + 1], net.gradientTimesPrefix[j], block);
            }
            System.arraycopy(block.data, 0, out, net.offsets[j - 1], block.data.length);
        }
    }

    /**
     * The p x p Hessian. Every entry is written exactly once, straight into the row-major data array, by loops
     * whose innermost index runs along a row: the Gram factors of every block pair are formed first (they are
     * O(p) numbers in all), then block (i, j) and its mirror (j, i) are each filled row by row. The mirror is
     * computed from the same products summed in the same order, so the matrix is exactly symmetric without a
     * column-strided copy.
     */
    DMatrixRMaj dense(SquaredLoss loss) {
        int depth = net.depth();
        int[] d = net.widths;
        CountedProducts products = net.products;
        net.updateProducts();
        net.updateLossGradient(loss);
        int p = net.parameterCount();
        DMatrixRMaj hessian = new DMatrixRMaj(p, p);
        double[] h = hessian.data;
        // B_i Sxx; B_1 = I, so the first is Sxx itself (read only)
        DMatrixRMaj[] prefixMoment = new DMatrixRMaj[depth + 1];
        prefixMoment[1] = loss.inputMoment();
        for (int i = 2; i <= depth; i++) {
            prefixMoment[i] = new DMatrixRMaj(d[i - 1], d[0]);
            products.mult(net.prefix[i - 1], loss.inputMoment(), prefixMoment[i]);
        }
        for (int i = 1; i <= depth; i++) {
            int rowOffset = net.offsets[i - 1];
            long pi = (long) d[i] * d[i - 1];
            DMatrixRMaj outerI = net.suffix[i + 1];
            DMatrixRMaj between = null;   // M_ij = W_{j-1}...W_{i+1}; the identity (null) while j = i + 1
            for (int j = i; j <= depth; j++) {
                int colOffset = net.offsets[j - 1];
                long pj = (long) d[j] * d[j - 1];
                DMatrixRMaj outerGram;
                if (j == depth) outerGram = CommonOps_DDRM.transpose(outerI, null);   // A_i^T A_N = A_i^T (A_N = I)
                else {
                    outerGram = new DMatrixRMaj(d[i], d[j]);
                    products.multTransA(outerI, net.suffix[j + 1], outerGram);
                }
                DMatrixRMaj innerGram;
                if (j == 1) innerGram = loss.inputMoment().copy();   // B_1 Sxx B_1^T = Sxx
                else {
                    innerGram = new DMatrixRMaj(d[i - 1], d[j - 1]);
                    products.multTransB(prefixMoment[i], net.prefix[j - 1], innerGram);
                }
                if (j == i) {
                    mirrorUpperTriangle(outerGram);
                    mirrorUpperTriangle(innerGram);
                    fillKronecker(h, p, rowOffset, rowOffset, outerGram.data, d[i], innerGram.data, d[i - 1]);
                    products.count(pi * pi);   // one multiply per entry
                    continue;
                }
                // curvature = A_j^T G B_i^T (d_j x d_{i-1}); G B_i^T is kept by the network, and A_N = I
                DMatrixRMaj curvature = net.gradientTimesPrefix[i];
                if (j < depth) {
                    curvature = new DMatrixRMaj(d[j], d[i - 1]);
                    products.multTransA(net.suffix[j + 1], net.gradientTimesPrefix[i], curvature);
                }
                DMatrixRMaj m = between == null ? CommonOps_DDRM.identity(d[i]) : between;
                DMatrixRMaj betweenT = CommonOps_DDRM.transpose(m, null);
                DMatrixRMaj innerGramT = CommonOps_DDRM.transpose(innerGram, null);
                fillUpperBlock(h, p, rowOffset, colOffset, outerGram.data, innerGram.data, curvature.data,
                        betweenT.data, d[i], d[i - 1], d[j], d[j - 1]);
                fillLowerBlock(h, p, colOffset, rowOffset, outerGram.data, innerGramT.data, curvature.data,
                        m.data, d[i], d[i - 1], d[j], d[j - 1]);
                products.count(6 * pi * pj);   // two multiplies and an add per entry, in both mirrored blocks
                if (j < depth) {
                    if (between == null) between = net.layers[j - 1];   // W_j I
                    else {
                        DMatrixRMaj next = new DMatrixRMaj(d[j], d[i]);
                        products.mult(net.layers[j - 1], between, next);
                        between = next;
                    }
                }
            }
        }
        return hessian;
    }

    /** Copies the upper triangle of a square matrix onto the lower, so a diagonal block is exactly symmetric. */
    private static void mirrorUpperTriangle(DMatrixRMaj m) {
        int n = m.numRows;
        double[] a = m.data;
        for (int r = 1; r < n; r++) {
            for (int c = 0; c < r; c++) {
                a[r * n + c] = a[c * n + r];
            }
        }
    }

    /**
     * Diagonal block: entry (a*ni+b, c*ni+e) = outer[a,c] inner[b,e] (outer ro x ro, inner ni x ni, both exactly
     * symmetric, so the block is too).
     */
    private static void fillKronecker(double[] h, int p, int rowOffset, int colOffset, double[] outer, int ro,
                                      double[] inner, int ni) {
        for (int a = 0; a < ro; a++) {
            for (int b = 0; b < ni; b++) {
                int rowStart = (rowOffset + a * ni + b) * p + colOffset;
                int innerRow = b * ni;
                for (int c = 0; c < ro; c++) {
                    double o = outer[a * ro + c];
                    int base = rowStart + c * ni;
                    for (int e = 0; e < ni; e++) {
                        h[base + e] = o * inner[innerRow + e];
                    }
                }
            }
        }
    }

    /**
     * Block (i, j), i &lt; j: entry (a*ci+b, c*cj+e) = outer[a,c] inner[b,e] + curvature[c,b] between[e,a], with
     * outer ri x rj, inner ci x cj, curvature rj x ci and between given transposed (ri x cj) so the innermost
     * loop over e reads rows.
     */
    private static void fillUpperBlock(double[] h, int p, int rowOffset, int colOffset, double[] outer,
                                       double[] inner, double[] curvature, double[] betweenT,
                                       int ri, int ci, int rj, int cj) {
        for (int a = 0; a < ri; a++) {
            int betweenRow = a * cj;
            for (int b = 0; b < ci; b++) {
                int rowStart = (rowOffset + a * ci + b) * p + colOffset;
                int innerRow = b * cj;
                for (int c = 0; c < rj; c++) {
                    double o = outer[a * rj + c];
                    double cb = curvature[c * ci + b];
                    int base = rowStart + c * cj;
                    for (int e = 0; e < cj; e++) {
                        h[base + e] = o * inner[innerRow + e] + cb * betweenT[betweenRow + e];
                    }
                }
            }
        }
    }

    /**
     * Block (j, i), the transpose of {@link #fillUpperBlock}'s: entry (c*cj+e, a*ci+b) is formed from the same two
     * products in the same order, so it equals its mirror bit for bit. innerT is inner transposed (cj x ci),
     * between is cj x ri.
     */
    private static void fillLowerBlock(double[] h, int p, int rowOffset, int colOffset, double[] outer,
                                       double[] innerT, double[] curvature, double[] between,
                                       int ri, int ci, int rj, int cj) {
        for (int c = 0; c < rj; c++) {
            int curvatureRow = c * ci;
            for (int e = 0; e < cj; e++) {
                int rowStart = (rowOffset + c * cj + e) * p + colOffset;
                int innerRow = e * ci;
                for (int a = 0; a < ri; a++) {
                    double o = outer[a * rj + c];
                    double m = between[e * ri + a];
                    int base = rowStart + a * ci;
                    for (int b = 0; b < ci; b++) {
                        h[base + b] = o * innerT[innerRow + b] + curvature[curvatureRow + b] * m;
                    }
                }
            }
        }
    }
}
