package org.optreport.results;

import java.util.List;
import java.util.Map;

/**
 * The acceleration study (schema stablestep/v2): for one loss, depth and seed, the largest step size at which gradient
 * descent on the network provably converges (see {@link Trial}), found by a geometric scan and a bisection, and the same
 * search for the discrete end-to-end dynamics, with the dynamics also run at every step the network's search tried; and
 * both run on a common grid of step sizes (the same grid for every depth and seed of a loss).
 *
 * @param steps the arrival budget: a run must reach the target by this step; it runs on to at most twice it (the cap)
 * @param initialExcess L(W_0) - L*, the same for the network and the dynamics (they start at the same W_0)
 * @param stability the linearised stability limits at the optimum W*
 * @param network the search on gradient descent over the layers
 * @param dynamics the same search on the end-to-end dynamics (for depth 1, plain gradient descent again)
 * @param dynamicsAtNetworkSteps the end-to-end dynamics at each step of {@code network.trials}, in the same order
 * @param networkAtDynamicsStep the network at the dynamics' largest converging step (null if the dynamics never converged)
 * @param networkGrid the network at every step of the common grid, in increasing order (empty if the grid is off)
 * @param dynamicsGrid the dynamics at every step of the common grid
 */
@Schema(StableStepResult.SCHEMA)
public record StableStepResult(String schema, Map<String, String> parameters, String loss, int depth, long seed, int steps,
                               double excessTarget, double optimalLoss, double initialExcess, Stability stability, Search network,
                               Search dynamics, List<Trial> dynamicsAtNetworkSteps, Trial networkAtDynamicsStep,
                               List<Trial> networkGrid, List<Trial> dynamicsGrid) {
    public static final String SCHEMA = "stablestep/v2";

    /**
     * What a run did: reached the target and held it, still contracting (converged); below the target at the cap without
     * having held it long enough, or no longer contracting at the end of the hold (undecided); above the target at the
     * cap (bounded); or diverged.
     */
    public static final String CONVERGED = "converged", UNDECIDED = "undecided", BOUNDED = "bounded", DIVERGED = "diverged";

    /**
     * @param hessianMax lambda_max of the loss's Hessian at W*
     * @param preconditionedMax lambda_max(P_{W*} H) for this depth (equal to hessianMax at depth 1)
     * @param stepLimit 2 / preconditionedMax: the end-to-end iteration (and a balanced network) is linearly stable at W*
     *                  exactly below this step
     */
    public record Stability(double hessianMax, double preconditionedMax, double stepLimit) {}

    /**
     * One scan and bisection. Every step tried is in {@code trials} in the order tried (the scan, then the bisection).
     *
     * @param largestConverged the largest step tried that converged; null if none did
     * @param smallestFailedAbove the smallest step tried above it that did not converge (the bracket's upper end); null
     *                            if none (the scan's largest step converged: the bracket is open)
     * @param smallestConverged the smallest step tried that converged; null if none did
     * @param failuresBetween steps tried between smallestConverged and largestConverged that did not converge: 0 when the
     *                        tried steps that converge form one interval, as a bisection assumes
     */
    public record Search(List<Trial> trials, Double largestConverged, Double smallestFailedAbove, Double smallestConverged,
                         int failuresBetween) {}

    /**
     * One run at one step size. It converges when its excess loss reaches the target by the budget's step, stays at or
     * below it for a hold window at least as long as the arrival took (the run is extended to arrival + hold, at most to
     * twice the budget), and is still decreasing at the end (the excess at the end at most the excess halfway through
     * the hold, or below the target's 1e-9th, where rounding takes over).
     *
     * @param outcome {@link #CONVERGED}, {@link #UNDECIDED}, {@link #BOUNDED} or {@link #DIVERGED}
     * @param settledStep the step from which the excess stays at or below the target to the end of the run (null if it is
     *                    above at the end, or diverged)
     * @param divergedAtStep the step at which the loss became non-finite or grew 1e6-fold (null unless diverged)
     * @param finalExcess the excess loss at the end of the run (null if diverged)
     * @param finalImbalance max_j ||W_{j+1}^T W_{j+1} - W_j W_j^T||_F at the end (null for the dynamics or if diverged)
     * @param finalSharpness lambda_max of the network's Hessian at the end (l2 networks that did not diverge; else null)
     * @param endStep the last step run (the decision, the cap, or the divergence)
     * @param peakSharpness the largest eta * lambda_max(P_W grad^2 l(W)) over every step of the run (the end-to-end
     *                      dynamics, and the network at depth 1, where P = I; l4 only, else null)
     * @param peakSharpnessStep the step at which it was largest
     */
    public record Trial(double step, String outcome, Integer settledStep, Integer divergedAtStep, Double finalExcess,
                        Double finalImbalance, Double finalSharpness, Integer endStep, Double peakSharpness,
                        Integer peakSharpnessStep) {}
}
