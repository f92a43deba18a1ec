package org.optreport.bench;

import org.ejml.data.DMatrixRMaj;
import org.optreport.model.DeepLinearNetwork;
import org.optreport.model.SquaredLoss;

/**
 * The baseline the analytic Hessian must beat: column k is (grad L(theta + h e_k) - grad L(theta - h e_k)) / 2h,
 * two analytic gradients per parameter. Only the one perturbed weight is written into the network per gradient
 * (not all p parameters), and the differences are stored as row k, contiguous, rather than down a column with
 * stride p: the Hessian is symmetric, so row k holds column k's values up to the differences' own error.
 * Workspaces are reused; the Hessian itself is a fresh matrix, as the analytic one is.
 */
public final class FiniteDifferenceHessian {
    private final DeepLinearNetwork network;
    private final double[] theta, plus, minus;

    public FiniteDifferenceHessian(DeepLinearNetwork network) {
        this.network = network;
        this.theta = network.parameters();
        this.plus = new double[theta.length];
        this.minus = new double[theta.length];
    }

    public DMatrixRMaj compute(SquaredLoss loss, double step) {
        int p = theta.length;
        DMatrixRMaj h = new DMatrixRMaj(p, p);
        double scale = 1 / (2 * step);
        for (int k = 0; k < p; k++) {
            double original = theta[k];
            network.setParameter(k, original + step);
            network.gradient(loss, plus);
            network.setParameter(k, original - step);
            network.gradient(loss, minus);
            network.setParameter(k, original);
            int row = k * p;
            for (int c = 0; c < p; c++) h.data[row + c] = (plus[c] - minus[c]) * scale;
        }
        return h;
    }
}
