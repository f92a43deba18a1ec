package org.optreport.experiment;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * An upper bound on the Hessian's spectral norm over every segment [theta_t, theta_{t+1}] that gradient descent walks,
 * watched at every step. The descent lemma needs the curvature between iterates, not only at them, and the Hessian is
 * too dear to diagonalize at every step; the bound below is cheap and rigorous.
 *
 * <p>If every layer has spectral norm at most R, the second derivative of phi along any unit direction is at most
 * N lambda_max(Sigma) R^{2(N-1)} + (N-1) R^{N-2} ||grad l(W)||_F (the Part 2 page, eq. local-beta). On a segment the
 * layer norms are at most R = max(R_t, R_{t+1}) (a norm is convex), and the end-to-end matrix moves by at most
 * sqrt(N) R^{N-1} ||theta_{t+1} - theta_t|| (one factor changed at a time), so ||grad l|| there is at most
 * ||grad l(W_t)|| + lambda_max(Sigma) sqrt(N) R^{N-1} ||theta_{t+1} - theta_t||.
 */
final class SegmentSmoothness {
    private final int depth;
    private final double inputMomentMax;
    private double layerNorm = Double.NaN, lossGradientNorm = Double.NaN;
    private double maxLayerNorm = 0, maxBound = 0;
    private int maxBoundStep = -1;

    SegmentSmoothness(int depth, double inputMomentMax) {
        this.depth = depth;
        this.inputMomentMax = inputMomentMax;
    }

    /** The state at step 0: its layers and ||grad l(W_0)||_F. */
    void start(List<DMatrixRMaj> layers, double lossGradientNorm) {
        layerNorm = largestLayerNorm(layers);
        maxLayerNorm = layerNorm;
        this.lossGradientNorm = lossGradientNorm;
    }

    /**
     * The step from t - 1 to t: the layers and ||grad l|| at step t, and the length eta ||grad phi(theta_{t-1})|| of
     * the step just taken.
     */
    void step(int t, List<DMatrixRMaj> layers, double lossGradientNorm, double stepLength) {
        double next = largestLayerNorm(layers);
        double bound = bound(depth, inputMomentMax, Math.max(layerNorm, next), this.lossGradientNorm, stepLength);
        if (bound > maxBound) {
            maxBound = bound;
            maxBoundStep = t - 1;
        }
        layerNorm = next;
        maxLayerNorm = Math.max(maxLayerNorm, next);
        this.lossGradientNorm = lossGradientNorm;
    }

    /** The bound on the segment that starts at a point with ||grad l|| = lossGradientNorm, layer norms at most r. */
    static double bound(int depth, double inputMomentMax, double r, double lossGradientNorm, double stepLength) {
        double n = depth;
        double curvature = n * inputMomentMax * Math.pow(r, 2 * (n - 1));
        if (depth == 1) return curvature;
        double gradient = lossGradientNorm + inputMomentMax * Math.sqrt(n) * Math.pow(r, n - 1) * stepLength;
        return curvature + (n - 1) * Math.pow(r, n - 2) * gradient;
    }

    static double largestLayerNorm(List<DMatrixRMaj> layers) {
        double largest = 0;
        for (DMatrixRMaj w : layers) largest = Math.max(largest, NormOps_DDRM.normP2(w));
        return largest;
    }

    double maxLayerNorm() { return maxLayerNorm; }

    double maxBound() { return maxBound; }

    /** The step t whose segment [theta_t, theta_{t+1}] has the largest bound; -1 before any step. */
    int maxBoundStep() { return maxBoundStep; }
}
