package org.optreport.experiment;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrixRMaj;
import org.optreport.model.DeepLinearNetwork;
import org.optreport.model.EndToEndDynamics;
import org.optreport.model.EndToEndLoss;
import org.optreport.model.SquaredLoss;
import org.optreport.results.StableStepResult;
import org.optreport.results.StableStepResult.Trial;

/**
 * One run of gradient descent at one step size, from the same start every time, on the network's layers or on its
 * end-to-end matrix (the discrete end-to-end dynamics), classified by exact events seen at every step: the loss by
 * {@link DivergenceGuard}, the excess loss against the target. A run converges only if it provably contracts: its
 * excess reaches the target at some step s no later than the budget, stays at or below it for a hold window of s more
 * steps (the run is extended to 2s; a run that arrived at step 0 holds for one step), is still decreasing at the end
 * of the hold (the excess at 2s at most the excess at 3s/2, or below {@link #ROUNDING_FRACTION} of the target), and,
 * where the step map's Jacobian is a small matrix (the end-to-end dynamics, and depth 1, where it is plain gradient
 * descent), the map contracts at the run's last point: eta * lambda_max(P_W grad^2 l(W)) &lt; 2 there. The last test is
 * needed because a mode that grows by |1 - eta lambda| = 1 + delta per step may start from rounding level (the mode is
 * annihilated on the way, where eta lambda passes 1) and needs about 30 / delta steps to reach the target: a hold cannot
 * see delta of a few tenths of a percent. The hard cap is twice the budget: a run below the target there that has not
 * held it long enough, or that held it without passing the tests, is undecided; one above the target at the cap is
 * bounded. The network's and the dynamics' step code are the model's own ({@link DeepLinearNetwork#gradientStep},
 * {@link EndToEndDynamics#step}). Not thread-safe (the losses hold workspaces).
 */
final class BudgetedDescent {
    /** Below this fraction of the target the excess is at the level of rounding, and "still decreasing" is not asked. */
    static final double ROUNDING_FRACTION = 1e-9;

    private final List<DMatrixRMaj> initialLayers;
    private final EndToEndLoss loss;
    private final ToDoubleFunction<DMatrixRMaj> excess;
    private final SquaredLoss squaredForSharpness;
    private final ToDoubleFunction<DMatrixRMaj> endToEndSharpness, plainSharpness;
    private final int steps;
    private final double target;

    /**
     * @param excess L(W) - L* of an end-to-end matrix
     * @param squaredForSharpness the l2 loss, whose network Hessian the final sharpness is measured with; null for l4
     * @param endToEndSharpness lambda_max(P_W grad^2 l(W)) at the network's depth: the end-point test of the dynamics, and
     *                          along the tracked runs; null: neither
     * @param plainSharpness lambda_max(grad^2 l(W)): the same for a depth-1 network; null: neither
     */
    BudgetedDescent(List<DMatrixRMaj> initialLayers, EndToEndLoss loss, ToDoubleFunction<DMatrixRMaj> excess,
                    SquaredLoss squaredForSharpness, int steps, double target, ToDoubleFunction<DMatrixRMaj> endToEndSharpness,
                    ToDoubleFunction<DMatrixRMaj> plainSharpness) {
        this.initialLayers = List.copyOf(initialLayers);
        this.loss = loss;
        this.excess = excess;
        this.squaredForSharpness = squaredForSharpness;
        this.endToEndSharpness = endToEndSharpness;
        this.plainSharpness = plainSharpness;
        this.steps = steps;
        this.target = target;
    }

    BudgetedDescent(List<DMatrixRMaj> initialLayers, EndToEndLoss loss, ToDoubleFunction<DMatrixRMaj> excess,
                    SquaredLoss squaredForSharpness, int steps, double target) {
        this(initialLayers, loss, excess, squaredForSharpness, steps, target, null, null);
    }

    /** The last step any run may reach. */
    int cap() { return 2 * steps; }

    /** Gradient descent on the layers from the initial network. */
    Trial network(double eta) { return network(eta, false); }

    /** The same, recording the largest eta * sharpness over every step (depth 1 only) when tracked. */
    Trial network(double eta, boolean tracked) {
        DeepLinearNetwork network = new DeepLinearNetwork(initialLayers);
        DMatrixRMaj product = network.endToEnd();
        Events events = new Events(loss.value(product), eta, network.depth() == 1 ? plainSharpness : null, tracked);
        for (int step = 0; step <= cap(); step++) {
            if (step > 0) network.gradientStep(loss, eta);
            network.endToEnd(product);
            if (events.stop(step, loss.value(product), product)) break;
        }
        boolean diverged = events.guard.hasDiverged();
        Double sharpness = diverged ? null : network.depth() == 1 && plainSharpness != null ? (Double) plainSharpness.applyAsDouble(product)
                : squaredForSharpness == null ? null : network.hessianExtremes(squaredForSharpness).max();
        return events.trial(diverged ? null : network.imbalance(), sharpness);
    }

    /** The end-to-end dynamics of the network's depth from the initial network's product. */
    Trial dynamics(double eta) { return dynamics(eta, false); }

    /** The same, recording the largest eta * lambda_max(P_W grad^2 l(W)) over every step when tracked. */
    Trial dynamics(double eta, boolean tracked) {
        DeepLinearNetwork start = new DeepLinearNetwork(initialLayers);
        DMatrixRMaj w = start.endToEnd();
        EndToEndDynamics stepper = new EndToEndDynamics(start.depth(), w.numRows, w.numCols);
        Events events = new Events(loss.value(w), eta, endToEndSharpness, tracked);
        for (int step = 0; step <= cap(); step++) {
            if (step > 0) stepper.step(w, loss, eta);
            if (events.stop(step, loss.value(w), w)) break;
        }
        boolean diverged = events.guard.hasDiverged();
        return events.trial(null, diverged || endToEndSharpness == null ? null : (Double) endToEndSharpness.applyAsDouble(w));
    }

    /** The events of one run, seen at every step. */
    private final class Events {
        final DivergenceGuard guard;
        final double eta;
        /** lambda_max of the step map's curvature at a point (the end-point test); null: no test. */
        final ToDoubleFunction<DMatrixRMaj> sharpness;
        final boolean tracked;
        final double[] history = new double[cap() + 1];
        int settled = -1, lastStep = -1;
        boolean held;
        double peak = Double.NaN;
        int peakStep = -1;

        Events(double initialLoss, double eta, ToDoubleFunction<DMatrixRMaj> sharpness, boolean tracked) {
            guard = new DivergenceGuard(initialLoss);
            this.eta = eta;
            this.sharpness = sharpness;
            this.tracked = tracked && sharpness != null;
        }

        /** Records the step; true when the run must stop (diverged, or held the target for its hold window). */
        boolean stop(int step, double lossValue, DMatrixRMaj endToEnd) {
            lastStep = step;
            if (guard.diverged(step, lossValue)) return true;
            double e = excess.applyAsDouble(endToEnd);
            history[step] = e;
            if (tracked) {
                double s = eta * sharpness.applyAsDouble(endToEnd);
                if (!(s <= peak)) {
                    peak = s;
                    peakStep = step;
                }
            }
            if (e <= target) {
                if (settled < 0) settled = step;
            } else {
                settled = -1;
            }
            if (settled >= 0 && settled <= steps && step >= Math.max(2 * settled, settled + 1)) {
                held = true;
                return true;
            }
            return false;
        }

        /** @param finalSharpness the curvature at the last point (tested against 2 / eta when {@link #sharpness} is set) */
        Trial trial(Double imbalance, Double finalSharpness) {
            Double peakValue = tracked ? peak : null;
            Integer peakAt = tracked ? peakStep : null;
            if (guard.hasDiverged())
                return new Trial(eta, StableStepResult.DIVERGED, null, guard.divergedAtStep(), null, null, null, lastStep, peakValue, peakAt);
            double last = history[lastStep];
            String outcome;
            if (held) {
                double halfway = history[settled + (lastStep - settled) / 2];
                boolean decreasing = last <= halfway || last < ROUNDING_FRACTION * target;
                boolean contracts = sharpness == null || eta * finalSharpness < 2;
                outcome = decreasing && contracts ? StableStepResult.CONVERGED : StableStepResult.UNDECIDED;
            } else {
                outcome = settled >= 0 ? StableStepResult.UNDECIDED : StableStepResult.BOUNDED;
            }
            return new Trial(eta, outcome, settled >= 0 ? settled : null, null, last, imbalance, finalSharpness, lastStep, peakValue, peakAt);
        }
    }
}
