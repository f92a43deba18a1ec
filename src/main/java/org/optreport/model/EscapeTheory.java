package org.optreport.model;

/**
 * How long gradient descent on a deep linear network with one output stays near the saddle at the origin, in the
 * model where every layer has the same singular value s along the leading direction v of S_yx (sigma = |S_yx|) and
 * nothing else: the end-to-end matrix is w v^T with w = s^N, and near the origin grad l = -S_yx, so each layer's
 * gradient along the chain has size sigma s^(N-1) and one step gives
 *
 * <pre>  s_{k+1} = s_k + eta sigma s_k^(N-1)   (dropping the curvature term -eta lambda_v s^(2N-1)).</pre>
 *
 * Depth 2: s grows geometrically, s_k = s_0 (1 + eta sigma)^k. Depth N &gt;= 3: with ds/dk = eta sigma s^(N-1),
 * s^-(N-2) falls linearly, s_k^-(N-2) = s_0^-(N-2) - (N-2) eta sigma k, a blow-up in finite time. The escape step
 * is when w reaches the value at which the loss along w v^T, L(0) - sigma w + lambda_v w^2 / 2 with
 * lambda_v = v Sigma v^T, has covered half of the fall L(0) - L*. Both neglected terms slow the end of the escape.
 */
public final class EscapeTheory {
    private EscapeTheory() {}

    /**
     * The w at which L(0) - sigma w + lambda_v w^2 / 2 has fallen by {@code fall / 2}: the smaller root of
     * lambda_v w^2 / 2 - sigma w + fall / 2 = 0; the linear estimate fall / (2 sigma) when the parabola's own fall
     * is too small to cover it.
     */
    public static double halfwayProduct(double sigma, double lambdaV, double fall) {
        double discriminant = sigma * sigma - lambdaV * fall;
        if (lambdaV <= 0 || discriminant < 0) return fall / (2 * sigma);
        return (sigma - Math.sqrt(discriminant)) / lambdaV;
    }

    /**
     * The layer scale s_0 of the model that has the measured gradient norm: in the model every one of the N layers'
     * gradients has norm sigma s^(N-1), so |grad L| = sqrt(N) sigma s^(N-1). This is how a random start is mapped to
     * the model; it is exact for a balanced start along v.
     */
    public static double scaleFromGradient(double gradientNorm, double sigma, int depth) {
        return Math.pow(gradientNorm / (Math.sqrt(depth) * sigma), 1.0 / (depth - 1));
    }

    /** Steps for w = s^N to grow from s_0^N to {@code halfway}; NaN for depth 1 (no saddle) or a start beyond it. */
    public static double escapeSteps(int depth, double eta, double sigma, double s0, double halfway) {
        if (depth < 2) return Double.NaN;
        double sHalf = Math.pow(halfway, 1.0 / depth);
        if (!(s0 < sHalf)) return Double.NaN;
        if (depth == 2) return Math.log(sHalf / s0) / Math.log1p(eta * sigma);
        int p = depth - 2;
        return (Math.pow(s0, -p) - Math.pow(sHalf, -p)) / (p * eta * sigma);
    }
}
