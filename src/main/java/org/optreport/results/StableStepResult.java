package org.optreport.results;

import java.util.List;
import java.util.Map;

/**
 * The acceleration study (schema stablestep/v1): for one loss, depth and seed, the largest step size at which gradient
 * descent on the network converges within the budget, found by a geometric scan and a bisection, and the same search
 * for the discrete end-to-end dynamics, with the dynamics also run at every step the network's search tried.
 *
 * @param initialExcess L(W_0) - L*, the same for the network and the dynamics (they start at the same W_0)
 * @param stability the linearised stability limits at the optimum W*
 * @param network the search on gradient descent over the layers
 * @param dynamics the same search on the end-to-end dynamics (for depth 1, plain gradient descent again)
 * @param dynamicsAtNetworkSteps the end-to-end dynamics at each step of {@code network.trials}, in the same order
 * @param networkAtDynamicsStep the network at the dynamics' largest converging step (null if the dynamics never converged)
 */
@Schema(StableStepResult.SCHEMA)
public record StableStepResult(String schema, Map<String, String> parameters, String loss, int depth, long seed, int steps,
                               double excessTarget, double optimalLoss, double initialExcess, Stability stability, Search network,
                               Search dynamics, List<Trial> dynamicsAtNetworkSteps, Trial networkAtDynamicsStep) {
    public static final String SCHEMA = "stablestep/v1";

    /** What a run of the budget did: reached the target and stayed (converged), stayed finite without (bounded), or diverged. */
    public static final String CONVERGED = "converged", BOUNDED = "bounded", DIVERGED = "diverged";

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
     * One run of the budget at one step size.
     *
     * @param outcome {@link #CONVERGED}, {@link #BOUNDED} or {@link #DIVERGED}
     * @param settledStep the step from which the excess loss stays at or below the target to the end of the budget (null unless converged)
     * @param divergedAtStep the step at which the loss became non-finite or grew 1e6-fold (null unless diverged)
     * @param finalExcess the excess loss after the budget (null if diverged)
     * @param finalImbalance max_j ||W_{j+1}^T W_{j+1} - W_j W_j^T||_F after the budget (null for the dynamics or if diverged)
     * @param finalSharpness lambda_max of the network's Hessian after the budget (l2 networks that did not diverge; else null)
     */
    public record Trial(double step, String outcome, Integer settledStep, Integer divergedAtStep, Double finalExcess,
                        Double finalImbalance, Double finalSharpness) {}
}
