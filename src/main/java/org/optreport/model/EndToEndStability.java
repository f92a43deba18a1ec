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
     * The matrix of P_W, column by column: P_W applied to each unit matrix by {@link EndToEndDynamics#direction}, whose
     * direction at a loss with constant gradient G is P_W(G). Using the dynamics' own code keeps the limit about
     * the iteration the runs perform (fractional powers with the same cut-off).
     */
    public static DMatrixRMaj preconditioner(DMatrixRMaj endToEnd, int depth) {
        int rows = endToEnd.numRows, cols = endToEnd.numCols, size = rows * cols;
        EndToEndDynamics dynamics = new EndToEndDynamics(depth, rows, cols);
        DMatrixRMaj unit = new DMatrixRMaj(rows, cols), image = new DMatrixRMaj(rows, cols), p = new DMatrixRMaj(size, size);
        EndToEndLoss constantGradient = new EndToEndLoss() {
            @Override public int inputDimension() { return cols; }
            @Override public int outputDimension() { return rows; }
            @Override public double value(DMatrixRMaj w) { throw new UnsupportedOperationException("only the gradient is used"); }
            @Override public void gradient(DMatrixRMaj w, DMatrixRMaj out) { out.setTo(unit); }
        };
        for (int k = 0; k < size; k++) {
            unit.zero();
            unit.data[k] = 1;
            dynamics.direction(endToEnd, constantGradient, image);
            for (int i = 0; i < size; i++) p.set(i, k, image.data[i]);
        }
        return p;
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
        DMatrixRMaj h = new DMatrixRMaj(outputs * d, outputs * d);
        for (int k = 0; k < outputs; k++)
            for (int i = 0; i < n; i++) {
                double weight = 3 * residuals.get(i, k) * residuals.get(i, k) / n;
                for (int a = 0; a < d; a++)
                    for (int b = 0; b < d; b++) h.add(k * d + a, k * d + b, weight * x.get(i, a) * x.get(i, b));
            }
        return h;
    }
}
