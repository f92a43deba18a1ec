package org.optreport.report.landscape;

/**
 * The a-priori smoothness of a deep linear network with one output on the set gradient flow can reach from its start
 * (the Part 2 page, "Why a local beta is enough"): the loss never exceeds L(0) and the differences
 * D_j = W_{j+1}^T W_{j+1} - W_j W_j^T never change. Pure arithmetic on the page's formulas, so that the quoted bounds
 * and the test that checks them against real networks use the same lines.
 */
final class SmoothnessBounds {
    private SmoothnessBounds() {}

    /**
     * The largest end-to-end norm with loss at most L(0): l(W) - L* = (W - W*) Sigma (W - W*)^T / 2 at least
     * lambda_min(Sigma) ||W - W*||^2 / 2, so ||W|| is at most ||W*|| + sqrt(2 (L(0) - L*) / lambda_min(Sigma)).
     */
    static double endToEndRadius(double optimumNorm, double lossFall, double inputMomentMin) {
        return optimumNorm + Math.sqrt(2 * lossFall / inputMomentMin);
    }

    /**
     * The bound on every layer's squared spectral norm: ||W_j||^2 at most ||W||^{2/N} + 2 delta, delta the sum over j
     * of ||D_j||_2 (one output; the derivation is on the page).
     */
    static double layerNormSquared(double endToEndNorm, int depth, double delta) {
        return Math.pow(endToEndNorm, 2.0 / depth) + 2 * delta;
    }

    /**
     * The page's eq. local-beta with layer norms at most sqrt(layerNormSquared) and ||grad l(W)||_F at most
     * sqrt(2 lambda_max(Sigma) (L(0) - L*)) (as ||(W - W*) Sigma|| is at most sqrt(lambda_max) ||W - W*||_Sigma).
     */
    static double smoothness(int depth, double inputMomentMax, double layerNormSquared, double lossFall) {
        double gradient = Math.sqrt(2 * inputMomentMax * lossFall);
        return depth * inputMomentMax * Math.pow(layerNormSquared, depth - 1)
                + (depth - 1) * Math.pow(layerNormSquared, (depth - 2) / 2.0) * gradient;
    }

    /**
     * The bound on the drift of the imbalance over a run of gradient descent: each step adds
     * eta^2 (G_{j+1}^T G_{j+1} - G_j G_j^T), of norm at most eta^2 ||grad phi||^2, and the descent lemma with
     * eta beta &lt; 2 on every segment sums those to at most eta (L(0) - L*) / (1 - eta beta / 2).
     */
    static double imbalanceDrift(double eta, double lossFall, double segmentSmoothness) {
        return eta * lossFall / (1 - eta * segmentSmoothness / 2);
    }
}
