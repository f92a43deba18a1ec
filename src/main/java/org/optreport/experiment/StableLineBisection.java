package org.optreport.experiment;

/**
 * Gradient descent on phi(w1, w2) = (1/2n) sum_i (w2 w1 x_i - y_i)^2 started on the saddle's stable line, and the
 * bisection for the largest step size that still brings it to the saddle. On that line (w1 = -w2 when sxy > 0,
 * w1 = w2 when sxy < 0) gradient descent stays on the line, so each run is a scalar recursion; the gradient is
 * summed sample by sample, independently of the closed form in the moments that the page compares with.
 */
final class StableLineBisection {
    /** A run has reached the saddle when |w1| falls below this fraction of its start. */
    private static final double REACHED = 1e-12;
    /** A run has diverged when |w1| exceeds this multiple of its start (or overflows). */
    private static final double DIVERGED = 1e6;
    private static final int MAX_STEPS = 100_000;
    /** Bisection stops when the bracket is narrower than this fraction of its upper end. */
    private static final double RELATIVE_WIDTH = 1e-10;

    private final double[] x, y;
    private final double lineSign;

    /** @param lineSign -1 for the line w1 = -w2 (the stable line when sxy > 0), +1 for w1 = w2 */
    StableLineBisection(double[] x, double[] y, double lineSign) {
        this.x = x;
        this.y = y;
        this.lineSign = lineSign;
    }

    /** The bracket {converges, diverges} around the critical step for the start (a, lineSign a), starting from (0, high). */
    double[] criticalStep(double a, double high) {
        if (!diverges(a, high)) throw new IllegalStateException("gradient descent from (" + a + ", " + lineSign * a + ") does not diverge at step " + high);
        double low = 0;
        while (high - low > RELATIVE_WIDTH * high) {
            double mid = (low + high) / 2;
            if (diverges(a, mid)) high = mid;
            else low = mid;
        }
        return new double[] {low, high};
    }

    /** Runs gradient descent with step {@code eta} from (a, lineSign a): true if it diverges, false if it reaches the saddle. */
    boolean diverges(double a, double eta) {
        double w1 = a, w2 = lineSign * a;
        for (int step = 0; step < MAX_STEPS; step++) {
            double residualTimesX = 0;
            double p = w1 * w2;
            for (int i = 0; i < x.length; i++) residualTimesX += (p * x[i] - y[i]) * x[i];
            double g = residualTimesX / x.length;
            double next1 = w1 - eta * g * w2, next2 = w2 - eta * g * w1;
            w1 = next1;
            w2 = next2;
            if (!Double.isFinite(w1) || Math.abs(w1) > DIVERGED * Math.abs(a)) return true;
            if (Math.abs(w1) < REACHED * Math.abs(a)) return false;
        }
        throw new IllegalStateException("gradient descent from (" + a + ", " + lineSign * a + ") with step " + eta
                + " neither reached the saddle nor diverged in " + MAX_STEPS + " steps");
    }
}
