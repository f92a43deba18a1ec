package org.optreport.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * Decides when a training run has diverged: its loss is NaN or infinite, or has grown to more than
 * {@link #GROWTH_LIMIT} times its initial value. A diverged run stops and says so in its result file
 * ({@code diverged}, {@code divergedAtStep}, {@code divergence}), so the report warns instead of drawing it.
 */
public final class DivergenceGuard {
    public static final double GROWTH_LIMIT = 1e6;

    private final double initialLoss;
    private String reason;
    private int step = -1;

    public DivergenceGuard(double initialLoss) { this.initialLoss = initialLoss; }

    /** Checks the loss at {@code step}; returns true (and remembers why) when the run must stop. */
    public boolean diverged(int step, double loss) {
        if (reason != null) return true;
        if (!Double.isFinite(loss)) reason = String.format(Locale.ROOT, "loss became %s at step %d", loss, step);
        else if (loss > GROWTH_LIMIT * Math.max(initialLoss, Double.MIN_NORMAL))
            reason = String.format(Locale.ROOT, "loss grew from %.3g to %.3g by step %d", initialLoss, loss, step);
        if (reason != null) this.step = step;
        return reason != null;
    }

    public boolean hasDiverged() { return reason != null; }

    /** The step at which the run diverged, or null (the {@code divergedAtStep} field of a result). */
    public Integer divergedAtStep() { return reason == null ? null : step; }

    /** Why the run diverged, in a sentence, or null (the {@code divergence} field of a result). */
    public String divergence() { return reason; }

    /** Writes the divergence fields into a result document (only when the run diverged). */
    public void record(ObjectNode result) {
        result.put("diverged", reason != null);
        if (reason != null) {
            result.put("divergedAtStep", step);
            result.put("divergence", reason);
        }
    }
}
