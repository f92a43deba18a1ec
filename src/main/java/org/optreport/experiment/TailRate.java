package org.optreport.experiment;

/**
 * The measured speed of the final linear phase: decades of the excess loss over the second half of the run, from
 * its exact values at the half-way step and at the last step. By then the slowest mode dominates, so the ratio is
 * the asymptotic rate that theory predicts (ln 10 / (-2 ln(1 - eta mu)) steps per decade).
 */
final class TailRate {
    private final int fromStep;
    private double fromExcess = Double.NaN, toExcess = Double.NaN;
    private int toStep = -1;

    TailRate(int steps) { this.fromStep = steps / 2; }

    void observe(int step, double excess) {
        if (step == fromStep) fromExcess = excess;
        if (step >= fromStep) {
            toStep = step;
            toExcess = excess;
        }
    }

    int fromStep() { return fromStep; }

    int toStep() { return toStep; }

    /** Steps per factor of ten of the excess between the two steps; NaN if the window is empty or the excess did not fall. */
    double stepsPerDecade() {
        if (!(fromExcess > toExcess) || toExcess <= 0 || toStep <= fromStep) return Double.NaN;
        return (toStep - fromStep) / Math.log10(fromExcess / toExcess);
    }
}
