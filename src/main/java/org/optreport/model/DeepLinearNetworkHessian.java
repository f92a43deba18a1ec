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
        for (int j = 1; j <= depth; j++) {
            direction[j] = new DMatrixRMaj(d[j], d[j - 1]);
            prefixChange[j] = new DMatrixRMaj(d[j], d[0]);
            suffixChange[j] = new DMatrixRMaj(d[depth], d[j - 1]);
            mixed[j] = new DMatrixRMaj(d[depth], d[j - 1]);
        }
        gradientChange = new DMatrixRMaj(d[depth], d[0]);
    }

    void multiply(SquaredLoss loss, double[] v, double[] out) {
        int depth = net.depth();
        net.updateProducts();
        net.updateLossGradient(loss);
        for (int j = 1; j <= depth; j++) {
            System.arraycopy(v, net.offsets[j - 1], direction[j].data, 0, direction[j].data.length);
        }
        for (int j = 1; j <= depth; j++) {
            CommonOps_DDRM.mult(net.layers[j - 1], prefixChange[j - 1], prefixChange[j]);
            CommonOps_DDRM.multAdd(direction[j], net.prefix[j - 1], prefixChange[j]);
        }
        for (int j = depth; j >= 1; j--) {
            CommonOps_DDRM.mult(suffixChange[j + 1], net.layers[j - 1], suffixChange[j]);
            CommonOps_DDRM.multAdd(net.suffix[j + 1], direction[j], suffixChange[j]);
        }
        CommonOps_DDRM.mult(prefixChange[depth], loss.inputMoment(), gradientChange);
        for (int j = 1; j <= depth; j++) {
            // mixed = dG B_j^T + G dB_j^T, with B_j = prefix[j-1]
            CommonOps_DDRM.multTransB(gradientChange, net.prefix[j - 1], mixed[j]);
            CommonOps_DDRM.multAddTransB(net.lossGradient, prefixChange[j - 1], mixed[j]);
            DMatrixRMaj block = net.layerWork[j];
            CommonOps_DDRM.multTransA(net.suffix[j + 1], mixed[j], block);
            CommonOps_DDRM.multAddTransA(suffixChange[j + 1], net.gradientTimesPrefix[j], block);
            System.arraycopy(block.data, 0, out, net.offsets[j - 1], block.data.length);
        }
    }

    DMatrixRMaj dense(SquaredLoss loss) {
        int depth = net.depth();
        int[] d = net.widths;
        net.updateProducts();
        net.updateLossGradient(loss);
        DMatrixRMaj hessian = new DMatrixRMaj(net.parameterCount(), net.parameterCount());
        for (int i = 1; i <= depth; i++) {
            DMatrixRMaj outerI = net.suffix[i + 1];
            DMatrixRMaj innerI = net.prefix[i - 1];
            DMatrixRMaj innerISxx = new DMatrixRMaj(d[i - 1], d[0]);
            CommonOps_DDRM.mult(innerI, loss.inputMoment(), innerISxx);
            DMatrixRMaj between = CommonOps_DDRM.identity(d[i]);
            for (int j = i; j <= depth; j++) {
                DMatrixRMaj outerGram = new DMatrixRMaj(d[i], d[j]);
                CommonOps_DDRM.multTransA(outerI, net.suffix[j + 1], outerGram);
                DMatrixRMaj innerGram = new DMatrixRMaj(d[i - 1], d[j - 1]);
                CommonOps_DDRM.multTransB(innerISxx, net.prefix[j - 1], innerGram);
                addKronecker(hessian, net.offsets[i - 1], net.offsets[j - 1], outerGram, innerGram);
                if (j > i) {
                    // (A_j^T G B_i^T)[c,b] * M_ij[d,a]
                    DMatrixRMaj curvature = new DMatrixRMaj(d[j], d[i - 1]);
                    DMatrixRMaj gradientInner = new DMatrixRMaj(d[depth], d[i - 1]);
                    CommonOps_DDRM.multTransB(net.lossGradient, innerI, gradientInner);
                    CommonOps_DDRM.multTransA(net.suffix[j + 1], gradientInner, curvature);
                    addCompositionCurvature(hessian, net.offsets[i - 1], net.offsets[j - 1], curvature, between,
                            d[i - 1], d[j - 1]);
                    DMatrixRMaj next = new DMatrixRMaj(d[j], d[i]);
                    CommonOps_DDRM.mult(net.layers[j - 1], between, next);
                    between = next;
                }
            }
        }
        for (int r = 0; r < hessian.numRows; r++) {
            for (int c = 0; c < r; c++) {
                hessian.set(r, c, hessian.get(c, r));
            }
        }
        return hessian;
    }

    /** Adds outer (x) inner to the block at (rowOffset, colOffset): entry (a*ni+b, c*nj+d) += outer[a,c] inner[b,d]. */
    private static void addKronecker(DMatrixRMaj h, int rowOffset, int colOffset, DMatrixRMaj outer,
                                     DMatrixRMaj inner) {
        int ni = inner.numRows;
        int nj = inner.numCols;
        for (int a = 0; a < outer.numRows; a++) {
            for (int b = 0; b < ni; b++) {
                int row = rowOffset + a * ni + b;
                for (int c = 0; c < outer.numCols; c++) {
                    double o = outer.get(a, c);
                    int col = colOffset + c * nj;
                    for (int dd = 0; dd < nj; dd++) {
                        h.add(row, col + dd, o * inner.get(b, dd));
                    }
                }
            }
        }
    }

    /** Block (i, j), i &lt; j: entry (a*colsI+b, c*colsJ+d) += curvature[c,b] * between[d,a]. */
    private static void addCompositionCurvature(DMatrixRMaj h, int rowOffset, int colOffset, DMatrixRMaj curvature,
                                                DMatrixRMaj between, int colsI, int colsJ) {
        int rowsI = between.numCols;
        int rowsJ = curvature.numRows;
        for (int a = 0; a < rowsI; a++) {
            for (int b = 0; b < colsI; b++) {
                int row = rowOffset + a * colsI + b;
                for (int c = 0; c < rowsJ; c++) {
                    double cb = curvature.get(c, b);
                    int col = colOffset + c * colsJ;
                    for (int dd = 0; dd < colsJ; dd++) {
                        h.add(row, col + dd, cb * between.get(dd, a));
                    }
                }
            }
        }
    }
}
