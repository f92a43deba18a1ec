package org.optreport.model;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.optreport.linalg.DenseEigen;
import org.optreport.linalg.PsdPowers;

/**
 * Closed forms for scalar-output (dN = 1) deep linear networks of depth N.
 * The end-to-end step is W - eta (P_W grad l(W)^T)^T with the preconditioner
 * P_W = ||W||^{2(N-1)/N} (I + (N-1) v v^T), v = W^T / ||W||; at a balanced global minimum of the l2 loss the
 * largest Hessian eigenvalue is lambda_max(Sigma^{1/2} P_W Sigma^{1/2}), Sigma = Sxx.
 */
public final class ScalarOutputTheory {

    private ScalarOutputTheory() {
    }

    /** P_W (d0 x d0) for a 1 x d0 end-to-end row W; at W = 0 it is I for N = 1 and 0 for N &gt;= 2. */
    public static DMatrixRMaj preconditioner(DMatrixRMaj endToEnd, int depth) {
        if (endToEnd.numRows != 1) {
            throw new IllegalArgumentException("scalar output needs a 1 x d0 end-to-end matrix");
        }
        int d0 = endToEnd.numCols;
        double norm = NormOps_DDRM.normF(endToEnd);
        if (norm == 0) {
            DMatrixRMaj p = new DMatrixRMaj(d0, d0);
            if (depth == 1) {
                CommonOps_DDRM.setIdentity(p);
            }
            return p;
        }
        double factor = Math.pow(norm, 2.0 * (depth - 1) / depth);
        DMatrixRMaj p = CommonOps_DDRM.identity(d0);
        for (int r = 0; r < d0; r++) {
            for (int c = 0; c < d0; c++) {
                p.add(r, c, (depth - 1) * endToEnd.get(0, r) * endToEnd.get(0, c) / (norm * norm));
            }
        }
        CommonOps_DDRM.scale(factor, p);
        return p;
    }

    /** lambda_max(Sigma^{1/2} P_W Sigma^{1/2}) with the PSD square root of {@link PsdPowers}. */
    public static double predictedSharpness(DMatrixRMaj endToEnd, int depth, DMatrixRMaj inputMoment) {
        return DenseEigen.extremes(curvatureAtMinimum(endToEnd, depth, inputMoment)).max();
    }

    /**
     * mu = lambda_min(Sigma^{1/2} P_W Sigma^{1/2}): near a balanced minimum W the end-to-end error obeys
     * e_{k+1} = e_k (I - eta P_W Sigma), so its slowest mode, and with it the excess loss, shrinks by (1 - eta mu)
     * per step (the excess, a quadratic form, by (1 - eta mu)^2). Nonzero when Sigma is invertible.
     */
    public static double predictedFinalRate(DMatrixRMaj endToEnd, int depth, DMatrixRMaj inputMoment) {
        return DenseEigen.extremes(curvatureAtMinimum(endToEnd, depth, inputMoment)).min();
    }

    /** Steps per factor of ten of the excess loss when it shrinks by (1 - eta mu)^2 per step. */
    public static double stepsPerDecade(double eta, double mu) {
        return Math.log(10) / (-2 * Math.log1p(-eta * mu));
    }

    /** Sigma^{1/2} P_W Sigma^{1/2}, the curved part of the Hessian at a balanced minimum (same nonzero spectrum). */
    private static DMatrixRMaj curvatureAtMinimum(DMatrixRMaj endToEnd, int depth, DMatrixRMaj inputMoment) {
        DMatrixRMaj root = PsdPowers.sqrt(inputMoment);
        DMatrixRMaj p = preconditioner(endToEnd, depth);
        DMatrixRMaj half = new DMatrixRMaj(root.numRows, p.numCols);
        CommonOps_DDRM.mult(root, p, half);
        DMatrixRMaj sandwich = new DMatrixRMaj(root.numRows, root.numCols);
        CommonOps_DDRM.mult(half, root, sandwich);
        // symmetrise away rounding so the symmetric solver sees an exactly symmetric matrix
        DMatrixRMaj transposed = CommonOps_DDRM.transpose(sandwich, null);
        CommonOps_DDRM.add(0.5, sandwich, 0.5, transposed, sandwich);
        return sandwich;
    }
}
