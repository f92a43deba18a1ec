package org.optreport.experiment;

import org.optreport.results.TrajectoryResult;

/**
 * The scalars a trajectory run computes at every step, and the events read off them there: the traces
 * ({@link StepTrace}) that the figures draw and the exact steps the report quotes (docs/results-format.md,
 * trajectory/v1 {@code trace} and {@code events}). Both the network and the dynamics start at the same W_0, so they
 * share the initial excess loss and hence the halfway level.
 *
 * <p>{@link #add} allocates nothing: it is called once per gradient step.
 */
final class TrajectoryScalars {
    private final int buckets;
    private final StepTrace networkLoss, dynamicsLoss, distance, networkExcess, dynamicsExcess;
    private final LevelCrossings networkHalfway, dynamicsHalfway, networkTarget, dynamicsTarget;

    /**
     * @param initialExcess L(W_0) - L*: the escape is the first step at which the excess is at most half of it
     * @param excessTarget the excess loss below which the run's "reach and stay" step is recorded
     */
    TrajectoryScalars(int steps, int buckets, double initialExcess, double excessTarget) {
        this.buckets = buckets;
        networkLoss = new StepTrace(steps, buckets);
        dynamicsLoss = new StepTrace(steps, buckets);
        distance = new StepTrace(steps, buckets);
        networkExcess = new StepTrace(steps, buckets);
        dynamicsExcess = new StepTrace(steps, buckets);
        networkHalfway = new LevelCrossings(initialExcess / 2);
        dynamicsHalfway = new LevelCrossings(initialExcess / 2);
        networkTarget = new LevelCrossings(excessTarget);
        dynamicsTarget = new LevelCrossings(excessTarget);
    }

    void add(int step, double lossOfNetwork, double lossOfDynamics, double networkDynamicsDistance,
             double excessOfNetwork, double excessOfDynamics) {
        networkLoss.add(step, lossOfNetwork);
        dynamicsLoss.add(step, lossOfDynamics);
        distance.add(step, networkDynamicsDistance);
        networkExcess.add(step, excessOfNetwork);
        dynamicsExcess.add(step, excessOfDynamics);
        networkHalfway.add(step, excessOfNetwork);
        dynamicsHalfway.add(step, excessOfDynamics);
        networkTarget.add(step, excessOfNetwork);
        dynamicsTarget.add(step, excessOfDynamics);
    }

    TrajectoryResult.Traces traces() {
        return new TrajectoryResult.Traces(StepTrace.RULE, buckets, networkLoss.toRecord(), dynamicsLoss.toRecord(),
                distance.toRecord(), networkExcess.toRecord(), dynamicsExcess.toRecord());
    }

    /** The events; a run that diverged did not stay below the target to the end of its budget, so those are null. */
    TrajectoryResult.Events events(boolean diverged) {
        return new TrajectoryResult.Events(networkHalfway.level(),
                stepOrNull(networkHalfway.firstStepAtOrBelow()), stepOrNull(dynamicsHalfway.firstStepAtOrBelow()),
                distance.max(), distance.maxStep(), networkTarget.level(),
                diverged ? null : stepOrNull(networkTarget.stepFromWhichAtOrBelow()),
                diverged ? null : stepOrNull(dynamicsTarget.stepFromWhichAtOrBelow()));
    }

    /** Results say "did not happen" with null, where {@link LevelCrossings} says -1. */
    private static Integer stepOrNull(int step) {
        return step < 0 ? null : step;
    }
}
