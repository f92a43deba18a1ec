package org.optreport.bench;

import org.ejml.data.DMatrixRMaj;
import org.optreport.model.DeepLinearNetwork;
import org.optreport.model.SquaredLoss;

/**
 * The baseline the analytic Hessian must beat: column k is (grad L(theta + h e_k) - grad L(theta - h e_k)) / 2h,
 * two analytic gradients per parameter. Workspaces are reused; the Hessian itself is a fresh matrix, as the
 * analytic one is.
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
            theta[k] = original + step;
            network.setParameters(theta);
            network.gradient(loss, plus);
            theta[k] = original - step;
            network.setParameters(theta);
            network.gradient(loss, minus);
            theta[k] = original;
            for (int r = 0; r < p; r++) h.data[r * p + k] = (plus[r] - minus[r]) * scale;
        }
        network.setParameters(theta);
        return h;
    }
}
