package org.optreport.report.trajectory;

import org.optreport.results.Trace;
import org.optreport.results.TrajectoryResult;

/**
 * One trajectory run as the figures and quoted values need it: the curves seen at every step (the traces, which keep
 * every bucket's extremes, so a peak between two records is drawn), the imbalance on the record schedule (the only
 * curve not traced), and the events found at every step, from which every quoted step count and extreme is read.
 */
record TrajectoryRun(TrajectoryResult result, Curve networkLoss, Curve networkExcess, Curve dynamicsExcess, Curve distance,
                     Curve imbalance) {

    /** Steps and the values at them, in step order. */
    record Curve(double[] step, double[] value) {
        double first() { return value[0]; }

        double last() { return value[value.length - 1]; }

        static Curve trace(Trace trace) {
            return new Curve(steps(trace.step()), trace.value());
        }
    }

    static TrajectoryRun of(TrajectoryResult r) {
        TrajectoryResult.Traces trace = r.trace();
        return new TrajectoryRun(r, Curve.trace(trace.networkLoss()), Curve.trace(trace.networkExcess()),
                Curve.trace(trace.dynamicsExcess()), Curve.trace(trace.distance()),
                new Curve(steps(r.series().step()), r.series().imbalance()));
    }

    /** Steps as chart coordinates. */
    private static double[] steps(int[] steps) {
        double[] out = new double[steps.length];
        for (int i = 0; i < steps.length; i++) out[i] = steps[i];
        return out;
    }

    boolean diverged() { return result.diverged(); }

    double optimalLoss() { return result.optimalLoss(); }

    /** The largest distance between the two end-to-end matrices over every step. */
    double maxDistance() { return result.events().maxDistance(); }

    /** The first step at which it is largest. */
    int maxDistanceStep() { return result.events().maxDistanceStep(); }

    /** The first step at which the network's loss is halfway from its start to L*; -1 if never. */
    int networkHalfwayStep() { return stepOrNever(result.events().networkHalfwayStep()); }

    int dynamicsHalfwayStep() { return stepOrNever(result.events().dynamicsHalfwayStep()); }

    /** The step from which the network's excess loss stays at or below {@code target} to the end; -1 if it does not. */
    int networkSettledStep(double target) { return settledStep(result.events().networkExcessSettledStep(), target); }

    int dynamicsSettledStep(double target) { return settledStep(result.events().dynamicsExcessSettledStep(), target); }

    /** The run found its settled steps for its own excessTarget parameter; reading them for another would be wrong. */
    private int settledStep(Integer step, double target) {
        double runTarget = result.events().excessTarget();
        if (runTarget != target)
            throw new IllegalStateException("the run's events are for the excess target " + runTarget + ", not " + target);
        return stepOrNever(step);
    }

    private static int stepOrNever(Integer step) {
        return step == null ? -1 : step;
    }
}
