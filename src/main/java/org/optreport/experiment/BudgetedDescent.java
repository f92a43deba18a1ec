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
 * One budget of gradient descent at one step size, from the same start every time, on the network's layers or on its
 * end-to-end matrix (the discrete end-to-end dynamics), classified by exact events: the loss is checked at every step
 * by {@link DivergenceGuard}, and the excess loss by {@link LevelCrossings}, so "converged" means the excess is at or
 * below the target from some step to the end of the budget, "diverged" that the guard stopped the run, and "bounded"
 * neither. The network's and the dynamics' step code are the model's own ({@link DeepLinearNetwork#gradientStep},
 * {@link EndToEndDynamics#step}). Not thread-safe (the losses hold workspaces).
 */
final class BudgetedDescent {
    private final List<DMatrixRMaj> initialLayers;
    private final EndToEndLoss loss;
    private final ToDoubleFunction<DMatrixRMaj> excess;
    private final SquaredLoss squaredForSharpness;
    private final int steps;
    private final double target;

    /**
     * @param excess L(W) - L* of an end-to-end matrix
     * @param squaredForSharpness the l2 loss, whose network Hessian the final sharpness is measured with; null for l4
     */
    BudgetedDescent(List<DMatrixRMaj> initialLayers, EndToEndLoss loss, ToDoubleFunction<DMatrixRMaj> excess,
                    SquaredLoss squaredForSharpness, int steps, double target) {
        this.initialLayers = List.copyOf(initialLayers);
        this.loss = loss;
        this.excess = excess;
        this.squaredForSharpness = squaredForSharpness;
        this.steps = steps;
        this.target = target;
    }

    /** Gradient descent on the layers from the initial network. */
    Trial network(double eta) {
        DeepLinearNetwork network = new DeepLinearNetwork(initialLayers);
        DMatrixRMaj product = network.endToEnd();
        Events events = new Events(loss.value(product));
        for (int step = 0; step <= steps; step++) {
            if (step > 0) network.gradientStep(loss, eta);
            network.endToEnd(product);
            if (events.stop(step, loss.value(product), product)) break;
        }
        boolean diverged = events.guard.hasDiverged();
        Double sharpness = diverged || squaredForSharpness == null ? null : network.hessianExtremes(squaredForSharpness).max();
        return events.trial(eta, diverged ? null : network.imbalance(), sharpness);
    }

    /** The end-to-end dynamics of the network's depth from the initial network's product. */
    Trial dynamics(double eta) {
        DeepLinearNetwork start = new DeepLinearNetwork(initialLayers);
        DMatrixRMaj w = start.endToEnd();
        EndToEndDynamics stepper = new EndToEndDynamics(start.depth(), w.numRows, w.numCols);
        Events events = new Events(loss.value(w));
        for (int step = 0; step <= steps; step++) {
            if (step > 0) stepper.step(w, loss, eta);
            if (events.stop(step, loss.value(w), w)) break;
        }
        return events.trial(eta, null, null);
    }

    /** The events of one run, seen at every step. */
    private final class Events {
        final DivergenceGuard guard;
        final LevelCrossings crossings = new LevelCrossings(target);
        double lastExcess = Double.NaN;

        Events(double initialLoss) { guard = new DivergenceGuard(initialLoss); }

        /** Records the step; true when the run must stop (diverged). */
        boolean stop(int step, double lossValue, DMatrixRMaj endToEnd) {
            if (guard.diverged(step, lossValue)) return true;
            lastExcess = excess.applyAsDouble(endToEnd);
            crossings.add(step, lastExcess);
            return false;
        }

        Trial trial(double eta, Double imbalance, Double sharpness) {
            if (guard.hasDiverged())
                return new Trial(eta, StableStepResult.DIVERGED, null, guard.divergedAtStep(), null, null, null);
            int settled = crossings.stepFromWhichAtOrBelow();
            return new Trial(eta, settled >= 0 ? StableStepResult.CONVERGED : StableStepResult.BOUNDED, settled >= 0 ? settled : null,
                    null, lastExcess, imbalance, sharpness);
        }
    }
}
