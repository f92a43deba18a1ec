package org.optreport.experiment;

/**
 * The first step after the escape at which the gradient norm is back at (or below) its value at step 0, and the
 * relative excess loss there, checked at every step: a stopping rule ||grad L|| &lt;= eps with eps below the initial
 * norm does not stop a run before this step, and one with eps at or above it stops the run at step 0.
 */
final class GradientReturn {
    private final double initialNorm, optimalLoss;
    private int step = -1;
    private double relativeExcess = Double.NaN;

    GradientReturn(double initialNorm, double optimalLoss) {
        this.initialNorm = initialNorm;
        this.optimalLoss = optimalLoss;
    }

    /** The gradient norm and the excess loss at step t, with the step at which the escape ended (-1: not yet). */
    void observe(int t, double gradientNorm, double excessLoss, int escapeEnd) {
        if (step < 0 && escapeEnd >= 0 && t > escapeEnd && gradientNorm <= initialNorm) {
            step = t;
            relativeExcess = excessLoss / optimalLoss;
        }
    }

    /** The step, or null if the gradient never came back to its initial size. */
    Integer step() { return step < 0 ? null : step; }

    Double relativeExcess() { return step < 0 ? null : relativeExcess; }
}
