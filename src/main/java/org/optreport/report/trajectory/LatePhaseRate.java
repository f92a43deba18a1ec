package org.optreport.report.trajectory;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The predicted late-phase rate of the l2 loss for one output. Near the optimum, with the error row e = W - W*, the
 * gradient is e C (C the input covariance) and the end-to-end update of eq:scalar becomes e <- e (I - eta C P) with
 * P = ||W*||^(2(N-1)/N) (I + (N-1) v v^T), v = W*^T / ||W*||. CP has the eigenvalues of the symmetric P^(1/2) C P^(1/2),
 * all positive; the slowest mode shrinks by 1 - eta lambda_min per step, the excess loss (quadratic in e) by its square.
 */
final class LatePhaseRate {
    private LatePhaseRate() {}

    /** The smallest eigenvalue of P C at the optimum for depth N. */
    static double smallestEigenvalue(InputCovariance c, double[] optimum, int depth) {
        int d = optimum.length;
        double norm = 0;
        for (double x : optimum) norm += x * x;
        norm = Math.sqrt(norm);
        // P^(1/2) = sqrt(a) (I + (sqrt(N) - 1) v v^T), a = ||W*||^(2(N-1)/N)
        double a = Math.pow(norm, 2.0 * (depth - 1) / depth);
        DMatrixRMaj root = new DMatrixRMaj(d, d);
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
                root.set(i, j, Math.sqrt(a) * ((i == j ? 1 : 0) + (Math.sqrt(depth) - 1) * optimum[i] * optimum[j] / (norm * norm)));
        DMatrixRMaj cov = covariance(c), tmp = new DMatrixRMaj(d, d), m = new DMatrixRMaj(d, d);
        CommonOps_DDRM.mult(root, cov, tmp);
        CommonOps_DDRM.mult(tmp, root, m);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, false, true);
        if (!eig.decompose(m)) throw new IllegalStateException("eigendecomposition of P^(1/2) C P^(1/2) failed");
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < d; i++) smallest = Math.min(smallest, eig.getEigenvalue(i).real);
        return smallest;
    }

    /** Decades of excess loss per 1,000 steps when the slowest mode shrinks by 1 - eta lambda per step. */
    static double decadesPerThousandSteps(double eta, double lambda) {
        return -2000 * Math.log10(1 - eta * lambda);
    }

    /** C rebuilt from its eigenbasis. */
    private static DMatrixRMaj covariance(InputCovariance c) {
        int d = c.eigenvalues().length;
        DMatrixRMaj m = new DMatrixRMaj(d, d);
        for (int k = 0; k < d; k++)
            for (int i = 0; i < d; i++)
                for (int j = 0; j < d; j++) m.add(i, j, c.eigenvalues()[k] * c.eigenvectors()[k][i] * c.eigenvectors()[k][j]);
        return m;
    }
}
