package org.optreport.model;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.optreport.linalg.DenseEigen;
import org.optreport.linalg.PsdPowers;

/**
 * Linear stability of the discrete end-to-end dynamics W &lt;- W - eta P_W(grad l(W)) at a minimiser W* of l.
 * There grad l(W*) = 0, so the step's Jacobian is I - eta P_{W*} H, with H the Hessian of l at W* and P_W the
 * preconditioner G -&gt; sum_j [W W^T]^{(j-1)/N} G [W^T W]^{(N-j)/N} (both symmetric PSD on matrices with the
 * Frobenius product). P H has the spectrum of the symmetric H^{1/2} P H^{1/2}, real and non-negative, so the
 * iteration is linearly stable at W* exactly when eta &lt; 2 / lambda_max(P_{W*} H). At a balanced network whose
 * product is W*, the network's own Hessian J^T H J has the same nonzero spectrum (J J^T = P_{W*}), so the limit
 * holds for gradient descent on the balanced network as well. Matrices act on W as a row-major vector.
 */
public final class EndToEndStability {
    private EndToEndStability() {}

    /** 2 / lambda_max(P_W H) for the given Hessian of the loss (row-major vec order) at W. */
    public static double stepLimit(DMatrixRMaj endToEnd, int depth, DMatrixRMaj hessian) {
        return 2 / largestEigenvalue(preconditioner(endToEnd, depth), hessian);
    }

    /** lambda_max(P H) = lambda_max(H^{1/2} P H^{1/2}) for symmetric PSD P and H. */
    public static double largestEigenvalue(DMatrixRMaj preconditioner, DMatrixRMaj hessian) {
        DMatrixRMaj root = PsdPowers.sqrt(hessian);
        DMatrixRMaj half = new DMatrixRMaj(root.numRows, preconditioner.numCols);
        CommonOps_DDRM.mult(root, preconditioner, half);
        DMatrixRMaj sandwich = new DMatrixRMaj(root.numRows, root.numCols);
        CommonOps_DDRM.mult(half, root, sandwich);
        DMatrixRMaj transposed = CommonOps_DDRM.transpose(sandwich, null); // symmetrise away rounding
        CommonOps_DDRM.add(0.5, sandwich, 0.5, transposed, sandwich);
        return DenseEigen.extremes(sandwich).max();
    }

    /**
     * The matrix of P_W, column by column, from the dynamics' own code ({@link EndToEndDynamics#preconditioner}: the
     * direction's fractional powers with the same cut-off), so that the limit is about the iteration the runs perform.
     */
    public static DMatrixRMaj preconditioner(DMatrixRMaj endToEnd, int depth) {
        return new EndToEndDynamics(depth, endToEnd.numRows, endToEnd.numCols).preconditioner(endToEnd);
    }

    /** Hessian of the l2 loss (1/2n)||X W^T - Y||^2: Sxx on each output row's block. */
    public static DMatrixRMaj squaredLossHessian(DMatrixRMaj inputMoment, int outputs) {
        int d = inputMoment.numRows;
        DMatrixRMaj h = new DMatrixRMaj(outputs * d, outputs * d);
        for (int k = 0; k < outputs; k++) CommonOps_DDRM.insert(inputMoment, h, k * d, k * d);
        return h;
    }

    /**
     * Hessian of the l4 loss (1/4n) sum_i ||W x_i - y_i||_4^4 at W: the loss separates over output rows, row k's block
     * is (3/n) sum_i r_ik^2 x_i x_i^T with r_i = W x_i - y_i. X is n x d0, Y is n x dN.
     */
    public static DMatrixRMaj quarticLossHessian(DMatrixRMaj x, DMatrixRMaj y, DMatrixRMaj endToEnd) {
        int n = x.numRows, d = x.numCols, outputs = y.numCols;
        DMatrixRMaj residuals = new DMatrixRMaj(n, outputs);
        CommonOps_DDRM.multTransB(x, endToEnd, residuals);
        CommonOps_DDRM.subtractEquals(residuals, y);
        int size = outputs * d;
        DMatrixRMaj h = new DMatrixRMaj(size, size);
        double[] xs = x.data, hs = h.data;
        // on the arrays (evaluated at every step of the tracked l4 runs); the sums in the order of the plain formula
        for (int k = 0; k < outputs; k++)
            for (int i = 0; i < n; i++) {
                double r = residuals.data[i * outputs + k];
                double weight = 3 * r * r / n;
                for (int a = 0; a < d; a++) {
                    double wa = weight * xs[i * d + a];
                    int row = (k * d + a) * size + k * d;
                    for (int b = 0; b < d; b++) hs[row + b] += wa * xs[i * d + b];
                }
            }
        return h;
    }
}
