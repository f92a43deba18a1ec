package org.optreport.experiment;

/**
 * What a stopping rule ||grad L|| &lt;= eps does to a run, from the gradient norm at every step: the smallest norm on the
 * plateau (the steps before the escape starts), its step and the relative excess loss there; the smallest norm during
 * the escape (from its start to its end); and the first step after the escape at which the norm is back at (or below)
 * its value at step 0, with the relative excess loss there. So eps at or above the initial norm stops a run at step 0,
 * eps between the plateau minimum and the initial norm stops it on the plateau (at or before the plateau minimum's
 * step), and eps below both minima does not stop it before the return step.
 */
final class GradientReturn {
    private final double initialNorm, optimalLoss;
    private int step = -1;
    private double relativeExcess = Double.NaN;
    private int plateauMinimumStep = -1;
    private double plateauMinimum = Double.POSITIVE_INFINITY, plateauMinimumExcess = Double.NaN;
    private double escapeMinimum = Double.POSITIVE_INFINITY;

    GradientReturn(double initialNorm, double optimalLoss) {
        this.initialNorm = initialNorm;
        this.optimalLoss = optimalLoss;
    }

    /**
     * The gradient norm and the excess loss at step t, with the steps at which the escape started and ended as known
     * after observing the loss at step t (-1: not yet).
     */
    void observe(int t, double gradientNorm, double excessLoss, int escapeStart, int escapeEnd) {
        if (escapeStart < 0) {
            if (gradientNorm < plateauMinimum) {
                plateauMinimum = gradientNorm;
                plateauMinimumStep = t;
                plateauMinimumExcess = excessLoss / optimalLoss;
            }
        } else if (escapeEnd < 0 || t <= escapeEnd) {
            escapeMinimum = Math.min(escapeMinimum, gradientNorm);
        }
        if (step < 0 && escapeEnd >= 0 && t > escapeEnd && gradientNorm <= initialNorm) {
            step = t;
            relativeExcess = excessLoss / optimalLoss;
        }
    }

    /** The step, or null if the gradient never came back to its initial size. */
    Integer step() { return step < 0 ? null : step; }

    Double relativeExcess() { return step < 0 ? null : relativeExcess; }

    /** The smallest gradient norm before the escape starts, or null if the escape starts at step 0. */
    Double plateauMinimum() { return plateauMinimumStep < 0 ? null : plateauMinimum; }

    Integer plateauMinimumStep() { return plateauMinimumStep < 0 ? null : plateauMinimumStep; }

    Double plateauMinimumRelativeExcess() { return plateauMinimumStep < 0 ? null : plateauMinimumExcess; }

    /** The smallest gradient norm from the escape's start to its end, or null if no step of it was observed. */
    Double escapeMinimum() { return Double.isInfinite(escapeMinimum) ? null : escapeMinimum; }
}
